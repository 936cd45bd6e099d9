package dev.keyport.app.services;

import java.util.List;

/** Something cannot be deleted because saved hosts or identities still use it; the message names them. */
public final class InUseException extends Exception {

    private final List<String> hosts;
    private final List<String> identities;

    public InUseException(String message, List<String> hosts, List<String> identities) {
        super(message);
        this.hosts = List.copyOf(hosts);
        this.identities = List.copyOf(identities);
    }

    public List<String> hosts() {
        return hosts;
    }

    public List<String> identities() {
        return identities;
    }

    /** "2 hosts (db, web) and 1 identity (deploy)". */
    static String users(List<String> hosts, List<String> identities) {
        StringBuilder text = new StringBuilder();
        if (!hosts.isEmpty()) {
            text.append(count(hosts.size(), "host", "hosts")).append(" (").append(String.join(", ", hosts)).append(')');
        }
        if (!identities.isEmpty()) {
            if (text.length() > 0) {
                text.append(" and ");
            }
            text.append(count(identities.size(), "identity", "identities")).append(" (").append(String.join(", ", identities)).append(')');
        }
        return text.toString();
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
