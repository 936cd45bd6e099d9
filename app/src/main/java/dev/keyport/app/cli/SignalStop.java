package dev.keyport.app.cli;

import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) and SIGTERM end a foreground command cleanly: they count down a latch the command
 * waits on, so it can close its ports and exit 0 instead of being cut off by the JVM's default.
 */
final class SignalStop {

    private static final Logger LOG = LoggerFactory.getLogger(SignalStop.class);

    private SignalStop() {
    }

    static void install(CountDownLatch stop) {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), signal -> stop.countDown());
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                LOG.debug("Cannot handle SIG{} here: {}", name, e.getMessage());
            }
        }
    }
}
