package dev.keyport.syncformat;

/**
 * Argon2id cost parameters for a team file's export passphrase. They are stored in the file; a
 * reader refuses values below {@link #FLOOR} (a downgraded file) or above {@link #CEILING} (a file
 * that would make the reader allocate gigabytes or spin for minutes).
 *
 * @param memoryKiB   memory in KiB (m)
 * @param iterations  passes over the memory (t)
 * @param parallelism lanes (p)
 */
public record KdfParameters(int memoryKiB, int iterations, int parallelism) {

    /** What an export gets unless the caller says otherwise: 64 MiB, t=3, p=1 (about 0.4 s here). */
    public static final KdfParameters DEFAULT = new KdfParameters(64 * 1024, 3, 1);

    /** The weakest accepted: 19 MiB, t=2, p=1 (OWASP's Argon2id minimum). */
    public static final KdfParameters FLOOR = new KdfParameters(19 * 1024, 2, 1);

    /** The costliest accepted: 1 GiB, t=10, p=8. */
    public static final KdfParameters CEILING = new KdfParameters(1024 * 1024, 10, 8);

    /** Whether these parameters are within {@link #FLOOR} and {@link #CEILING}. */
    public boolean acceptable() {
        return !belowFloor() && !aboveCeiling();
    }

    boolean belowFloor() {
        return memoryKiB < FLOOR.memoryKiB || iterations < FLOOR.iterations || parallelism < FLOOR.parallelism;
    }

    boolean aboveCeiling() {
        return memoryKiB > CEILING.memoryKiB || iterations > CEILING.iterations || parallelism > CEILING.parallelism;
    }

    @Override
    public String toString() {
        return "Argon2id m=" + memoryKiB + " KiB, t=" + iterations + ", p=" + parallelism;
    }
}
