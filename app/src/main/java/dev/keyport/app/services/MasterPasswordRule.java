package dev.keyport.app.services;

/**
 * The one rule for a new master password, on the first start and for {@code keyport vault passwd}:
 * shorter than {@link #MIN_LENGTH} characters is refused; one {@link PasswordStrength} rates
 * {@link PasswordStrength#WEAK} is accepted only when the person confirms the choice (a tick in the
 * dialog, {@code --allow-weak} on the command line).
 */
public final class MasterPasswordRule {

    /** The floor: nothing shorter is accepted, whatever the person says. */
    public static final int MIN_LENGTH = 8;
    /** What makes a password strong, in a sentence for the dialog and the command's help. */
    public static final String ADVICE = "A strong master password is long: 12 or more characters, or four or more random words."
            + " Length counts more than symbols. Keyport cannot recover it if you forget it.";

    /** What the rule says about a password. */
    public enum Verdict {
        /** Long and varied enough. */
        ACCEPTED,
        /** Weak: accepted only when the person confirms. */
        WEAK,
        /** Below the floor: refused. */
        TOO_SHORT
    }

    private MasterPasswordRule() {
    }

    /** The verdict; the array is read, never kept. */
    public static Verdict check(char[] password) {
        if (password == null || password.length < MIN_LENGTH) {
            return Verdict.TOO_SHORT;
        }
        return PasswordStrength.of(password) == PasswordStrength.WEAK ? Verdict.WEAK : Verdict.ACCEPTED;
    }

    /** The message for a refused password. */
    public static String tooShortMessage() {
        return "Use at least " + MIN_LENGTH + " characters.";
    }
}
