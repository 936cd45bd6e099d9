package dev.keyport.terminal;

import java.time.Duration;
import java.util.Objects;

/**
 * Per-host connection behaviour, the counterpart of a few OpenSSH client options.
 *
 * @param hostKeyPolicy     StrictHostKeyChecking: ask (default), accept-new, strict
 * @param legacyAlgorithms  also allow ssh-rsa (SHA-1) signatures, SHA-1 key exchange and MACs, and CBC
 *                          ciphers; a warning-level setting for old servers only
 * @param useAgent          offer the keys of the ssh-agent at {@code SSH_AUTH_SOCK}
 * @param forwardAgent      forward the agent to this host (ForwardAgent); opt-in
 * @param keepAliveInterval ServerAliveInterval; {@link Duration#ZERO} turns keepalive off
 * @param keepAliveCountMax ServerAliveCountMax: unanswered keepalives before the session is dropped
 */
public record SessionOptions(HostKeyPolicy hostKeyPolicy, boolean legacyAlgorithms, boolean useAgent, boolean forwardAgent,
                             Duration keepAliveInterval, int keepAliveCountMax) {

    /** Ask for unknown keys, modern algorithms only, agent keys used when an agent runs, keepalive every 15 s, 3 misses. */
    public static final SessionOptions DEFAULTS = new SessionOptions(HostKeyPolicy.ASK, false, true, false, Duration.ofSeconds(15), 3);

    public SessionOptions {
        Objects.requireNonNull(hostKeyPolicy, "hostKeyPolicy");
        keepAliveInterval = keepAliveInterval == null ? Duration.ZERO : keepAliveInterval;
        if (keepAliveInterval.isNegative() || keepAliveCountMax < 1) {
            throw new IllegalArgumentException("Keepalive interval must be >= 0 and the count at least 1");
        }
    }

    public SessionOptions withHostKeyPolicy(HostKeyPolicy policy) {
        return new SessionOptions(policy, legacyAlgorithms, useAgent, forwardAgent, keepAliveInterval, keepAliveCountMax);
    }

    public SessionOptions withLegacyAlgorithms(boolean legacy) {
        return new SessionOptions(hostKeyPolicy, legacy, useAgent, forwardAgent, keepAliveInterval, keepAliveCountMax);
    }

    public SessionOptions withAgent(boolean use, boolean forward) {
        return new SessionOptions(hostKeyPolicy, legacyAlgorithms, use, forward, keepAliveInterval, keepAliveCountMax);
    }

    public SessionOptions withKeepAlive(Duration interval, int countMax) {
        return new SessionOptions(hostKeyPolicy, legacyAlgorithms, useAgent, forwardAgent, interval, countMax);
    }
}
