package dev.keyport.terminal;

import java.util.Optional;

/**
 * Told when a connection changes state. Called on SSH threads: never touch UI nodes here (post to
 * the UI thread). {@code reason} is set for {@link SessionState#DISCONNECTED} (and says why, in words).
 */
@FunctionalInterface
public interface SessionStateListener {

    SessionStateListener NONE = (target, state, reason) -> { };

    void stateChanged(String target, SessionState state, Optional<String> reason);
}
