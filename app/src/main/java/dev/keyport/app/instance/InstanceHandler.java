package dev.keyport.app.instance;

import java.io.IOException;
import java.util.function.Function;

/** Serves one request on the instance channel; runs on a thread of its own, so it may block until the client hangs up. */
@FunctionalInterface
public interface InstanceHandler {

    InstanceReply handle(InstanceRequest request, Conversation conversation) throws IOException;

    /** A handler that answers at once, without lines of output. */
    static InstanceHandler answering(Function<InstanceRequest, InstanceReply> answer) {
        return (request, conversation) -> answer.apply(request);
    }

    /** The connection to the process that asked. */
    interface Conversation {

        /** Sends a line for the other process's standard output now. */
        void println(String line) throws IOException;

        /** Waits until the other process hangs up (Ctrl-C there, or it ended) or this Keyport closes the channel. */
        void awaitHangUp() throws InterruptedException;
    }
}
