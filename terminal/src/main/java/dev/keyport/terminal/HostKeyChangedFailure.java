package dev.keyport.terminal;

/** Refused: the server's key matches none of the keys trusted for it. {@link #change()} has both sides. */
public final class HostKeyChangedFailure extends SshFailure {

    private final transient HostKeyChange change;

    public HostKeyChangedFailure(HostKeyChange change, String message) {
        super(Kind.HOST_KEY_CHANGED, message);
        this.change = change;
    }

    public HostKeyChange change() {
        return change;
    }
}
