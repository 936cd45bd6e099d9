package dev.keyport.app.services;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.keyport.vault.HostKeyPolicy;
import dev.keyport.vault.SettingsRepository;
import dev.keyport.vault.VaultException;

/**
 * Connection defaults set in Settings: the host-key policy a new host (and a quick connect, which
 * saves no host) starts with. A saved host keeps the policy it was saved with. Blocking (JDBC): call
 * off the UI thread.
 */
public final class ConnectionPreferences {

    public static final String DEFAULT_HOST_KEY_POLICY_SETTING = "default-host-key-policy";
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionPreferences.class);

    private final SettingsRepository settings;

    public ConnectionPreferences(SettingsRepository settings) {
        this.settings = settings;
    }

    /** The policy for new hosts and quick connect; {@link HostKeyPolicy#ASK} unless another is saved. */
    public HostKeyPolicy defaultHostKeyPolicy() {
        try {
            Optional<String> value = settings.get(DEFAULT_HOST_KEY_POLICY_SETTING);
            if (value.isPresent()) {
                for (HostKeyPolicy policy : HostKeyPolicy.values()) {
                    if (policy.name().equals(value.get().strip())) {
                        return policy;
                    }
                }
                LOG.warn("Saved host-key policy '{}' unknown; asking", value.get());
            }
        } catch (VaultException e) {
            LOG.warn("Saved host-key policy unreadable ({}); asking", e.getMessage());
        }
        return HostKeyPolicy.ASK;
    }

    public void setDefaultHostKeyPolicy(HostKeyPolicy policy) throws VaultException {
        settings.put(DEFAULT_HOST_KEY_POLICY_SETTING, policy.name());
    }

    /** How the settings page names a policy. */
    public static String describe(HostKeyPolicy policy) {
        return switch (policy) {
            case ASK -> "Ask me about a new server key";
            case ACCEPT_NEW -> "Trust a new key the first time, refuse a changed one";
            case STRICT -> "Only keys I trusted already (refuse new ones)";
        };
    }
}
