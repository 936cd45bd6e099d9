package dev.keyport.app.services;

/** Why the vault was locked, for the lock screen to say. */
public sealed interface LockReason {

    /** A sentence for the person unlocking again. */
    String message();

    /** The person locked it (the lock shortcut). */
    record Manual() implements LockReason {
        @Override
        public String message() {
            return "You locked Keyport. Enter your master password to continue.";
        }
    }

    /** Nobody used Keyport for {@code minutes} (the auto-lock setting). */
    record Idle(long minutes) implements LockReason {
        @Override
        public String message() {
            return "Keyport locked itself after " + minutes + (minutes == 1 ? " minute" : " minutes")
                    + " without activity (auto-lock, in Settings). Enter your master password to continue.";
        }
    }
}
