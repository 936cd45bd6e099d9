package dev.keyport.terminal.ssh;

import java.nio.charset.StandardCharsets;

/**
 * What a remote command left behind.
 *
 * @param exitStatus the remote exit status; -1 when the server sent none (e.g. killed by a signal)
 * @param stdout     standard output bytes
 * @param stderr     standard error bytes
 */
public record ExecResult(int exitStatus, byte[] stdout, byte[] stderr) {

    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    public String stderrText() {
        return new String(stderr, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "ExecResult[exit=" + exitStatus + ", stdout=" + stdout.length + " bytes, stderr=" + stderr.length + " bytes]";
    }
}
