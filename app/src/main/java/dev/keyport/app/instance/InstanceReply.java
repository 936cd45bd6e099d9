package dev.keyport.app.instance;

/** The running Keyport's answer: an exit status for the second process (0 done) and a sentence for a person. */
public record InstanceReply(int status, String message) {

    public static InstanceReply ok(String message) {
        return new InstanceReply(0, message);
    }

    public static InstanceReply refused(String message) {
        return new InstanceReply(1, message);
    }
}
