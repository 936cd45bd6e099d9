package dev.keyport.terminal.ssh;

import java.security.PublicKey;
import java.util.Map;

import org.apache.sshd.client.session.ClientSession;

/** Keys of the ssh-agent at {@code SSH_AUTH_SOCK}. */
final class AgentKeys {

    private AgentKeys() {
    }

    static boolean available() {
        return false;
    }

    static void attach(ClientSession session, Map<PublicKey, String> labels) {
        // not yet implemented
    }
}
