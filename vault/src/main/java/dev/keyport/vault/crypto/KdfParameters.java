package dev.keyport.vault.crypto;

import java.time.Duration;

import dev.keyport.vault.VaultException;

/**
 * Argon2id cost parameters, stored in the vault header beside the salt so they can grow later.
 *
 * @param memoryKiB   memory in KiB
 * @param iterations  passes over the memory (t)
 * @param parallelism lanes (p)
 */
public record KdfParameters(int memoryKiB, int iterations, int parallelism) {

    /** What a new vault gets unless calibration says otherwise: 64 MiB, t=3, p=1. */
    public static final KdfParameters DEFAULT = new KdfParameters(64 * 1024, 3, 1);

    /**
     * The weakest parameters Keyport accepts, from a header or a caller (OWASP's Argon2id minimum:
     * 19 MiB, t=2, p=1). A header below this is refused, so a tampered header cannot downgrade the KDF.
     */
    public static final KdfParameters FLOOR = new KdfParameters(19 * 1024, 2, 1);

    /**
     * The most Keyport accepts from a header: what it writes itself (64 MiB, p=1, up to 20 passes from
     * {@link #calibrate}) with a margin. More would only come from a damaged or foreign header, and would
     * take the heap (1 GiB under -Xmx384m is an OutOfMemoryError) or minutes (4 GiB took 55 s).
     */
    public static final KdfParameters CEILING = new KdfParameters(256 * 1024, 40, 4);

    /** Throws when these parameters are weaker than {@link #FLOOR} or above {@link #CEILING}. */
    public KdfParameters requireAcceptable() throws VaultException {
        if (memoryKiB < FLOOR.memoryKiB || iterations < FLOOR.iterations || parallelism < FLOOR.parallelism) {
            throw new VaultException("The vault's key-derivation settings (" + this + ") are weaker than Keyport accepts ("
                    + FLOOR + "). The vault header may have been tampered with.");
        }
        if (memoryKiB > CEILING.memoryKiB || iterations > CEILING.iterations || parallelism > CEILING.parallelism) {
            throw new VaultException("The vault's key-derivation settings (" + this + ") are above what Keyport ever writes"
                    + " (at most " + CEILING.memoryKiB / 1024 + " MiB, t=" + CEILING.iterations + ", p=" + CEILING.parallelism
                    + "). The vault header is damaged or was not written by Keyport; restore it from a backup.");
        }
        return this;
    }

    /**
     * Throws when the key derivation would not fit in the heap that is free now (after one garbage
     * collection), instead of starting it and ending in an OutOfMemoryError.
     */
    public void requireFitsHeap() throws VaultException {
        long needed = memoryKiB * 1024L * 11 / 10 + 8L * 1024 * 1024;
        if (free() < needed) {
            System.gc();
        }
        long free = free();
        if (free < needed) {
            throw new VaultException("Opening the vault needs about " + needed / (1024 * 1024) + " MiB of memory for its key"
                    + " derivation (" + this + "), but only " + free / (1024 * 1024) + " MiB are free in Keyport's heap."
                    + " Start Keyport with more memory (for example java -Xmx512m).");
        }
    }

    private static long free() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /**
     * Finds parameters that take about {@code target} on this machine: keeps 64 MiB and p=1 and
     * adjusts the number of passes (never below the default's 3 nor the floor).
     */
    public static KdfParameters calibrate(Duration target) {
        KdfParameters probe = new KdfParameters(DEFAULT.memoryKiB, 1, 1);
        byte[] salt = new byte[16];
        // warm up once (JIT), then measure one pass
        Argon2.derive(new char[] {'x'}, salt, probe);
        long start = System.nanoTime();
        Argon2.derive(new char[] {'x'}, salt, probe);
        long perPass = Math.max(1, System.nanoTime() - start);
        int passes = (int) Math.max(DEFAULT.iterations, Math.min(20, target.toNanos() / perPass));
        return new KdfParameters(DEFAULT.memoryKiB, passes, 1);
    }

    @Override
    public String toString() {
        return "Argon2id m=" + memoryKiB + " KiB, t=" + iterations + ", p=" + parallelism;
    }
}
