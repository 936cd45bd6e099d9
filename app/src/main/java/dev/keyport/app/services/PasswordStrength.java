package dev.keyport.app.services;

/** A rough strength estimate for a new master password, with a hint a person can act on. */
public enum PasswordStrength {
    EMPTY(""),
    WEAK("Weak: anyone with the vault file could guess it. Use 12 or more characters, or four random words."),
    FAIR("Fair: longer is better. Add a word or a few characters."),
    STRONG("Strong.");

    private final String hint;

    PasswordStrength(String hint) {
        this.hint = hint;
    }

    public String hint() {
        return hint;
    }

    /** Estimates length times the log2 of the character pool; never keeps the password. */
    public static PasswordStrength of(char[] password) {
        if (password == null || password.length == 0) {
            return EMPTY;
        }
        boolean lower = false, upper = false, digit = false, other = false;
        char[] sorted = password.clone();
        java.util.Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                distinct++;
            }
        }
        java.util.Arrays.fill(sorted, '\0');
        for (char c : password) {
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        int pool = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (other ? 33 : 0);
        double bits = Math.min(password.length, distinct * 2) * (Math.log(Math.max(pool, 2)) / Math.log(2));
        if (bits < 50) {
            return WEAK;
        }
        if (bits < 80) {
            return FAIR;
        }
        return STRONG;
    }
}
