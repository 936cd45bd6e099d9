package dev.keyport.app.session;

/** Whether a new handle gets a connection of its own or joins one already open to the same host. */
public enum Sharing {
    /** A connection of its own (a terminal tab: its own login, closed with the tab). */
    OWN,
    /** The live connection to the same host when there is one (tunnels, a second shell), else a new one. */
    SHARED
}
