package dev.keyport.syncformat.openssh;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.keyport.syncformat.openssh.SshConfigReader.Entry;
import dev.keyport.syncformat.openssh.SshConfigReader.HostLine;
import dev.keyport.syncformat.openssh.SshConfigReader.IncludeLine;
import dev.keyport.syncformat.openssh.SshConfigReader.MatchLine;
import dev.keyport.syncformat.openssh.SshConfigReader.Setting;

/**
 * One alias resolved through the parsed files as ssh does: Host lines switch settings on and off,
 * an Include under a non-matching Host contributes nothing, and the first value obtained wins.
 */
final class Resolution {

    private final String alias;
    boolean named;
    private String hostName;
    private String user;
    private Integer port;
    private final LinkedHashSet<String> identityFiles = new LinkedHashSet<>();
    private List<String> proxyJump;
    private Boolean proxyCommand;
    private final LinkedHashSet<SshForward> forwards = new LinkedHashSet<>();
    private Integer serverAliveInterval;
    private Boolean forwardAgent;

    Resolution(String alias) {
        this.alias = alias;
    }

    void evaluate(Map<Path, List<Entry>> files, Path file, boolean[] active, boolean neverMatch, int depth) {
        for (Entry entry : files.getOrDefault(file, List.of())) {
            if (entry instanceof HostLine host) {
                active[0] = !neverMatch && hostMatches(host.patterns());
                named |= active[0] && host.patterns().contains(alias);
            } else if (entry instanceof MatchLine) {
                active[0] = false;
            } else if (entry instanceof IncludeLine include) {
                if (depth + 1 > SshConfigReader.MAX_INCLUDE_DEPTH) {
                    continue;
                }
                boolean outer = active[0];
                for (Path included : include.files()) {
                    evaluate(files, included, active, neverMatch || !outer, depth + 1);
                    active[0] = outer;
                }
            } else if (entry instanceof Setting setting && active[0]) {
                apply(setting);
            }
        }
    }

    private boolean hostMatches(List<String> patterns) {
        boolean matched = false;
        for (String pattern : patterns) {
            boolean negated = pattern.startsWith("!");
            if (HostPatterns.matches(alias, negated ? pattern.substring(1) : pattern)) {
                if (negated) {
                    return false;
                }
                matched = true;
            }
        }
        return matched;
    }

    @SuppressWarnings("unchecked")
    private void apply(Setting setting) {
        Object value = setting.value();
        switch (setting.keyword()) {
            case "hostname" -> hostName = hostName == null ? (String) value : hostName;
            case "user" -> user = user == null ? (String) value : user;
            case "port" -> port = port == null ? (Integer) value : port;
            case "identityfile" -> identityFiles.add((String) value);
            case "proxyjump" -> {
                if (proxyJump == null && proxyCommand == null) {
                    proxyJump = (List<String>) value;
                }
            }
            case "proxycommand" -> {
                if (proxyCommand == null && (proxyJump == null || proxyJump.isEmpty())) {
                    proxyCommand = (Boolean) value;
                }
            }
            case "localforward", "remoteforward", "dynamicforward" -> forwards.add((SshForward) value);
            case "serveraliveinterval" -> serverAliveInterval = serverAliveInterval == null ? (Integer) value
                    : serverAliveInterval;
            case "forwardagent" -> forwardAgent = forwardAgent == null ? (Boolean) value : forwardAgent;
            default -> {
                // not a resolved option
            }
        }
    }

    SshHostConfig result() {
        Optional<String> resolvedHostName = Optional.ofNullable(hostName)
                .map(name -> SshConfigReader.expandHostName(name, alias).toLowerCase(Locale.ROOT));
        boolean jumping = proxyJump != null && !proxyJump.isEmpty();
        return new SshHostConfig(alias, resolvedHostName, Optional.ofNullable(user), Optional.ofNullable(port),
                List.copyOf(identityFiles), jumping && !Boolean.TRUE.equals(proxyCommand) ? proxyJump : List.of(),
                List.copyOf(forwards), Optional.ofNullable(serverAliveInterval), Optional.ofNullable(forwardAgent),
                Boolean.TRUE.equals(proxyCommand));
    }
}
