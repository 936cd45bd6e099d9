package dev.keyport.app.tunnels;

import java.util.ArrayList;
import java.util.List;

import dev.keyport.terminal.tunnel.ForwardSpec;
import dev.keyport.vault.ForwardProfile;
import dev.keyport.vault.ForwardProfile.Forward;
import dev.keyport.vault.ForwardProfile.Kind;

/** The one mapping between the vault's stored forwards and the session layer's {@link ForwardSpec}s. */
public final class Forwards {

    private Forwards() {
    }

    public static ForwardSpec toSpec(Forward forward) {
        return switch (forward.kind()) {
            case LOCAL -> new ForwardSpec.Local(forward.bindAddress(), forward.bindPort(), forward.targetHost(), forward.targetPort());
            case REMOTE -> new ForwardSpec.Remote(forward.bindAddress(), forward.bindPort(), forward.targetHost(), forward.targetPort());
            case DYNAMIC -> new ForwardSpec.Dynamic(forward.bindAddress(), forward.bindPort());
        };
    }

    public static Forward fromSpec(ForwardSpec spec) {
        if (spec instanceof ForwardSpec.Local l) {
            return new Forward(Kind.LOCAL, l.bindAddress(), l.bindPort(), l.targetHost(), l.targetPort());
        }
        if (spec instanceof ForwardSpec.Remote r) {
            return new Forward(Kind.REMOTE, r.bindAddress(), r.bindPort(), r.targetHost(), r.targetPort());
        }
        ForwardSpec.Dynamic d = (ForwardSpec.Dynamic) spec;
        return new Forward(Kind.DYNAMIC, d.bindAddress(), d.bindPort(), null, 0);
    }

    public static List<ForwardSpec> specs(ForwardProfile profile) {
        List<ForwardSpec> specs = new ArrayList<>();
        profile.forwards().forEach(f -> specs.add(toSpec(f)));
        return specs;
    }

    /** "L 127.0.0.1:5432:db:5432" lines as a person types them (one per forward) into specs; the message names the bad line. */
    public static List<ForwardSpec> parseLines(String text) {
        List<ForwardSpec> specs = new ArrayList<>();
        int number = 0;
        for (String raw : text.split("\\R")) {
            number++;
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("-")) {
                line = line.substring(1);
            }
            char kind = Character.toUpperCase(line.charAt(0));
            String rest = line.substring(1).strip();
            if ("LRD".indexOf(kind) < 0 || rest.isEmpty()) {
                throw new IllegalArgumentException("Line " + number + ": start with L (local), R (remote) or D (dynamic), then the"
                        + " forward as OpenSSH writes it, e.g. L 5432:db.internal:5432");
            }
            try {
                specs.add(ForwardSpec.parse(kind, rest));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Line " + number + ": " + e.getMessage(), e);
            }
        }
        return specs;
    }

    /** The lines {@link #parseLines} reads back. */
    public static String toLines(List<ForwardSpec> specs) {
        StringBuilder text = new StringBuilder();
        for (ForwardSpec spec : specs) {
            text.append(spec.kind()).append(' ').append(spec.text()).append('\n');
        }
        return text.toString();
    }
}
