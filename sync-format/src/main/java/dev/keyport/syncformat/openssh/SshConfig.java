package dev.keyport.syncformat.openssh;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A read OpenSSH client configuration: the resolved settings of every alias it names (each
 * {@code Host} pattern without wildcards or negation, in order of appearance), and what was not
 * imported.
 */
public final class SshConfig {

    private final Path start;
    private final Map<Path, List<SshConfigReader.Entry>> files;
    private final List<OpenSshWarning> warnings;
    private final List<SshHostConfig> hosts;

    SshConfig(Path start, Map<Path, List<SshConfigReader.Entry>> files, List<OpenSshWarning> warnings,
              List<String> aliases) {
        this.start = start;
        this.files = Map.copyOf(files);
        this.warnings = warnings;
        // an alias whose Host line never applies (an Include under another Host block) is not listed
        this.hosts = aliases.stream().map(this::resolution).filter(r -> r.named)
                .map(Resolution::result).toList();
    }

    /** One entry per alias, in the order the file names them. */
    public List<SshHostConfig> hosts() {
        return hosts;
    }

    /** What was skipped, with file and line, in file order. */
    public List<OpenSshWarning> warnings() {
        return warnings;
    }

    /** The entry for a listed alias. */
    public Optional<SshHostConfig> host(String alias) {
        return hosts.stream().filter(h -> h.alias().equals(alias)).findFirst();
    }

    /** What any name resolves to, listed or not (as {@code ssh -G name} would, without defaults). */
    public SshHostConfig resolve(String alias) {
        return resolution(alias).result();
    }

    private Resolution resolution(String alias) {
        Resolution resolution = new Resolution(alias);
        resolution.evaluate(files, start, new boolean[] {true}, false, 0);
        return resolution;
    }
}
