package dev.keyport.app.session;

/** Told about a session's {@link SessionEvent}s; called on SSH or background threads, never on the UI thread. */
@FunctionalInterface
public interface SessionListener {

    SessionListener NONE = event -> { };

    void onEvent(SessionEvent event);
}
