package dev.keyport.terminal;

/** Where a connection is in its life; the app turns these into UI state. */
public enum SessionState {
    CONNECTING, AUTHENTICATING, CONNECTED, DISCONNECTED
}
