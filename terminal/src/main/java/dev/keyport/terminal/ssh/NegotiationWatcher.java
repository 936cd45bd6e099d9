package dev.keyport.terminal.ssh;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;

import dev.keyport.terminal.SshFailure;

/**
 * Turns a failed algorithm negotiation into a message that says which side lacks what, and whether
 * the per-host legacy switch would help. Noted in {@link ConnectionNotes} for {@link SshConnector}.
 */
final class NegotiationWatcher implements SessionListener {


    @Override
    public void sessionNegotiationEnd(Session session, Map<KexProposalOption, String> clientProposal,
                                      Map<KexProposalOption, String> serverProposal, Map<KexProposalOption, String> negotiated,
                                      Throwable reason) {
        if (reason == null) {
            return;
        }
        for (KexProposalOption option : List.of(KexProposalOption.ALGORITHMS, KexProposalOption.SERVERKEYS,
                KexProposalOption.C2SENC, KexProposalOption.S2CENC, KexProposalOption.C2SMAC, KexProposalOption.S2CMAC)) {
            Set<String> ours = names(clientProposal.get(option));
            Set<String> theirs = names(serverProposal.get(option));
            if (theirs.isEmpty()) {
                continue;
            }
            ours.removeIf(n -> n.startsWith("ext-info") || n.startsWith("kex-strict"));
            theirs.removeIf(n -> n.startsWith("ext-info") || n.startsWith("kex-strict"));
            Set<String> common = new LinkedHashSet<>(ours);
            common.retainAll(theirs);
            if (!common.isEmpty()) {
                continue;
            }
            org.apache.sshd.common.AttributeRepository context = session instanceof org.apache.sshd.client.session.ClientSession client
                    ? client.getConnectionContext() : null;
            TrustingServerKeyVerifier.Target target = context == null ? null : context.getAttribute(TrustingServerKeyVerifier.TARGET);
            String where = target == null ? String.valueOf(session.getIoSession().getRemoteAddress()) : target.host() + ":" + target.port();
            ConnectionNotes.of(session).negotiation = failure(where, describe(option), ours, theirs, reason);
            return;
        }
        ConnectionNotes.of(session).negotiation = (new SshFailure(SshFailure.Kind.NEGOTIATION_FAILED,
                "Could not agree on algorithms with the server: " + reason.getMessage(), reason));
    }

    private static final Pattern MISMATCH = Pattern.compile("Unable to negotiate key exchange for (.+?) \\(client: (.*) / server: (.*)\\)");

    /** sshd-core reports a mismatch as an exception text; turn it into the same readable failure. */
    static Optional<SshFailure> fromException(String where, Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            Matcher m = t.getMessage() == null ? null : MISMATCH.matcher(t.getMessage());
            if (m != null && m.find()) {
                String kind = m.group(1).toLowerCase(Locale.ROOT);
                String what = kind.contains("host key") ? "host key algorithm" : kind.contains("kex") ? "key exchange algorithm"
                        : kind.contains("encryption") ? "cipher" : kind.contains("mac") ? "MAC" : kind;
                return Optional.of(failure(where, what, names(m.group(2)), names(m.group(3)), error));
            }
        }
        return Optional.empty();
    }

    private static SshFailure failure(String where, String what, Set<String> ours, Set<String> theirs, Throwable cause) {
        boolean legacyHelps = theirs.stream().anyMatch(AlgorithmPolicy::isWeak);
        return new SshFailure(SshFailure.Kind.NEGOTIATION_FAILED,
                "No common " + what + " with " + where + ": the server offers only "
                        + String.join(", ", theirs) + "; Keyport offers " + String.join(", ", ours) + "."
                        + (legacyHelps ? " The server only has outdated (SHA-1/CBC) algorithms: turn on \"legacy algorithms\""
                        + " for this host only if you cannot upgrade the server." : ""), cause);
    }

    private static String describe(KexProposalOption option) {
        switch (option) {
            case ALGORITHMS:
                return "key exchange algorithm";
            case SERVERKEYS:
                return "host key algorithm";
            case C2SENC:
            case S2CENC:
                return "cipher";
            default:
                return "MAC";
        }
    }

    private static Set<String> names(String list) {
        if (list == null || list.isBlank()) {
            return new LinkedHashSet<>();
        }
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
