package dev.keyport.syncformat.openssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an OpenSSH client configuration ({@code ~/.ssh/config}) the way {@code ssh} resolves it for
 * each alias: first value wins (IdentityFile and the forwards add up), {@code Host} patterns with
 * {@code *}, {@code ?} and {@code !} negation, {@code Include} with globs (relative to
 * {@code ~/.ssh}, at most 16 deep). Nothing is run and nothing is looked up.
 *
 * <p>Not imported, each with a warning naming file and line: {@code Match} blocks (their settings
 * are skipped), {@code ProxyCommand}, {@code LocalCommand}, {@code KnownHostsCommand}, values
 * OpenSSH would reject (ssh would refuse the whole file; Keyport skips the line), Unix-socket
 * forwards and remote dynamic forwards. Other options are ignored silently.
 */
public final class SshConfigReader {

    /** The largest config file read, each included file on its own. */
    static final int MAX_BYTES = 4 * 1024 * 1024;

    static final int MAX_INCLUDE_DEPTH = 16;
    static final long MAX_FILE_BYTES = 4L * 1024 * 1024;
    private static final Pattern TIME_PART = Pattern.compile("([0-9]+)([sSmMhHdDwW]?)");

    /** One line that matters for resolution. */
    sealed interface Entry permits HostLine, MatchLine, IncludeLine, Setting {
    }

    record HostLine(List<String> patterns) implements Entry {
    }

    record MatchLine() implements Entry {
    }

    record IncludeLine(List<Path> files) implements Entry {
    }

    /** A recognised option with its parsed value. */
    record Setting(String keyword, Object value) implements Entry {
    }

    private final Path home;
    private final Map<Path, List<Entry>> files = new HashMap<>();
    private final Set<OpenSshWarning> warnings = new LinkedHashSet<>();
    private final Set<Path> parsing = new LinkedHashSet<>();

    private SshConfigReader(Path home) {
        this.home = home;
    }

    /** Reads {@code file}, with {@code ~} and relative Includes taken from the user's home directory. */
    public static SshConfig read(Path file) throws IOException {
        return read(file, Paths.get(System.getProperty("user.home")));
    }

    /**
     * Reads {@code file}; {@code ~} means {@code home}, and relative Include paths are taken from
     * {@code home/.ssh} as ssh does for a user configuration.
     *
     * @throws IOException when {@code file} itself cannot be read (an unreadable Include is a warning)
     */
    public static SshConfig read(Path file, Path home) throws IOException {
        SshConfigReader reader = new SshConfigReader(home);
        Path start = file.toAbsolutePath().normalize();
        if (Files.size(start) > MAX_FILE_BYTES) {
            throw new IOException(start + " is larger than 4 MiB; it is not an ssh_config Keyport reads");
        }
        List<String> lines = lines(start);
        reader.files.put(start, List.of());
        reader.parsing.add(start);
        reader.files.put(start, reader.parse(start, lines));
        List<String> aliases = new ArrayList<>();
        reader.collectAliases(start, 0, aliases, new LinkedHashSet<>());
        return new SshConfig(start, reader.files, List.copyOf(reader.warnings), aliases);
    }

    // ---- parsing (once per file) -----------------------------------------------------------------

    private List<Entry> parse(Path file, List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            SshArgs.Line line;
            try {
                line = SshArgs.parse(lines.get(i));
            } catch (SshArgs.BadQuotes e) {
                warn(file, number, "unbalanced quotes; the line is skipped");
                continue;
            }
            if (line.keyword() == null) {
                continue;
            }
            Entry entry = entry(file, number, line.keyword(), line.args());
            if (entry != null) {
                entries.add(entry);
            }
        }
        return entries;
    }

    private Entry entry(Path file, int line, String keyword, List<String> args) {
        if (args.isEmpty() || args.get(0).isEmpty()) {
            warn(file, line, keyword + " has no value; the line is skipped");
            return null;
        }
        String first = args.get(0);
        switch (keyword) {
            case "host":
                return new HostLine(List.copyOf(args));
            case "match":
                warn(file, line, "Match block skipped: Keyport does not evaluate Match, so its settings are not imported");
                return new MatchLine();
            case "include":
                return new IncludeLine(include(file, line, args));
            case "hostname":
            case "user":
                return new Setting(keyword, first);
            case "port":
                return portSetting(file, line, first);
            case "identityfile":
                return new Setting(keyword, first);
            case "proxyjump":
                return new Setting(keyword, first.equalsIgnoreCase("none") ? List.of() : List.of(first.split(",", -1)));
            case "proxycommand":
                warn(file, line, "ProxyCommand not imported: Keyport never runs a program from an imported file");
                return new Setting(keyword, !first.equalsIgnoreCase("none"));
            case "localcommand":
            case "knownhostscommand":
                warn(file, line, (keyword.equals("localcommand") ? "LocalCommand" : "KnownHostsCommand")
                        + " not imported: Keyport never runs a program from an imported file");
                return null;
            case "localforward":
            case "remoteforward":
            case "dynamicforward":
                return forwardSetting(file, line, keyword, args);
            case "serveraliveinterval":
                long seconds = seconds(first);
                if (seconds < 0 || seconds > Integer.MAX_VALUE) {
                    warn(file, line, "ServerAliveInterval \"" + first + "\" is not a time; the line is skipped");
                    return null;
                }
                return new Setting(keyword, (int) seconds);
            case "forwardagent":
                String value = first.toLowerCase(Locale.ROOT);
                if (value.equals("yes") || value.equals("true")) {
                    return new Setting(keyword, true);
                }
                if (value.equals("no") || value.equals("false")) {
                    return new Setting(keyword, false);
                }
                warn(file, line, "ForwardAgent names an agent socket (" + first + "); imported as yes");
                return new Setting(keyword, true);
            default:
                return null;
        }
    }

    private Setting portSetting(Path file, int line, String value) {
        int port = port(value);
        if (port < 1) {
            warn(file, line, "Port \"" + value + "\" is not a port number; the line is skipped");
            return null;
        }
        return new Setting("port", port);
    }

    private Setting forwardSetting(Path file, int line, String keyword, List<String> args) {
        String name = switch (keyword) {
            case "localforward" -> "LocalForward";
            case "remoteforward" -> "RemoteForward";
            default -> "DynamicForward";
        };
        SshForward.Kind kind = switch (keyword) {
            case "localforward" -> SshForward.Kind.LOCAL;
            case "remoteforward" -> SshForward.Kind.REMOTE;
            default -> SshForward.Kind.DYNAMIC;
        };
        String spec;
        if (kind == SshForward.Kind.DYNAMIC) {
            spec = args.get(0);
        } else if (args.size() < 2 || args.get(1).isEmpty()) {
            warn(file, line, kind == SshForward.Kind.REMOTE
                    ? "RemoteForward without a target (a remote SOCKS proxy) is not imported"
                    : name + " needs a target; the line is skipped");
            return null;
        } else {
            spec = args.get(0) + ":" + args.get(1);
        }
        try {
            return new Setting(keyword, ForwardSpec.parse(kind, spec));
        } catch (IllegalArgumentException e) {
            warn(file, line, name + " " + String.join(" ", args) + ": " + e.getMessage() + "; the line is skipped");
            return null;
        }
    }

    private List<Path> include(Path file, int line, List<String> args) {
        List<Path> found = new ArrayList<>();
        for (String arg : args) {
            String expanded = arg.equals("~") ? home.toString()
                    : arg.startsWith("~/") ? home.resolve(arg.substring(2)).toString() : arg;
            Path pattern = Paths.get(expanded);
            if (!pattern.isAbsolute()) {
                pattern = home.resolve(".ssh").resolve(expanded);
            }
            List<Path> matches = IncludeGlob.expand(pattern.normalize());
            if (matches.isEmpty()) {
                warn(file, line, "Include " + arg + " matches no file");
            }
            for (Path match : matches) {
                Path normal = match.toAbsolutePath().normalize();
                if (parsing.contains(normal)) {
                    warn(file, line, "Include " + arg + " includes " + normal + " again, in a loop; ssh stops after "
                            + MAX_INCLUDE_DEPTH + " levels");
                } else if (!files.containsKey(normal)) {
                    files.put(normal, List.of());
                    parsing.add(normal);
                    files.put(normal, readIncluded(file, line, normal));
                    parsing.remove(normal);
                }
                found.add(normal);
            }
        }
        return found;
    }

    private List<Entry> readIncluded(Path from, int line, Path file) {
        try {
            if (Files.isDirectory(file)) {
                return List.of();
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                warn(from, line, "Included file " + file + " is larger than 4 MiB; it is skipped");
                return List.of();
            }
            return parse(file, lines(file));
        } catch (IOException | RuntimeException e) {
            warn(from, line, "Included file " + file + " cannot be read (" + e.getMessage() + "); it is skipped");
            return List.of();
        }
    }

    private void collectAliases(Path file, int depth, List<String> aliases, Set<Path> seen) {
        if (depth > MAX_INCLUDE_DEPTH || !seen.add(file)) {
            return;
        }
        for (Entry entry : files.getOrDefault(file, List.of())) {
            if (entry instanceof HostLine host) {
                for (String pattern : host.patterns()) {
                    if (!pattern.startsWith("!") && !HostPatterns.hasWildcard(pattern) && !aliases.contains(pattern)) {
                        aliases.add(pattern);
                    }
                }
            } else if (entry instanceof IncludeLine include) {
                include.files().forEach(included -> collectAliases(included, depth + 1, aliases, seen));
            }
        }
    }

    /** The file's lines; bytes that are not UTF-8 become U+FFFD rather than failing the read. */
    static List<String> lines(Path file) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IOException(file + " is too large for an SSH config file (limit " + MAX_BYTES / (1024 * 1024) + " MiB)");
            }
            return new String(bytes, StandardCharsets.UTF_8).lines().toList();
        }
    }

    // ---- resolution (once per alias) -------------------------------------------------------------

    /** HostName takes the tokens %h (the alias) and %%. */
    static String expandHostName(String value, String alias) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 1 < value.length()) {
                char token = value.charAt(++i);
                if (token == 'h') {
                    out.append(alias);
                } else if (token == '%') {
                    out.append('%');
                } else {
                    out.append('%').append(token);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** OpenSSH's a2port for numbers: 0 to 65535, else -1. */
    static int port(String value) {
        if (value.isEmpty() || value.length() > 5 || !value.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        int port = Integer.parseInt(value);
        return port <= 65535 ? port : -1;
    }

    /** OpenSSH's convtime: "90", "1m30s", "1h"; -1 when it is not a time. */
    static long seconds(String value) {
        if (value.isEmpty()) {
            return -1;
        }
        java.util.regex.Matcher matcher = TIME_PART.matcher(value);
        long total = 0;
        int at = 0;
        while (at < value.length()) {
            if (!matcher.find(at) || matcher.start() != at || matcher.group(1).length() > 9) {
                return -1;
            }
            long amount = Long.parseLong(matcher.group(1));
            long unit = switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
                case "m" -> 60;
                case "h" -> 3600;
                case "d" -> 86_400;
                case "w" -> 604_800;
                default -> 1;
            };
            total += amount * unit;
            if (total > Integer.MAX_VALUE) {
                return -1;
            }
            at = matcher.end();
            if (matcher.group(2).isEmpty() && at < value.length()) {
                return -1;
            }
        }
        return total;
    }

    private void warn(Path file, int line, String message) {
        warnings.add(new OpenSshWarning(file, line, message));
    }
}
