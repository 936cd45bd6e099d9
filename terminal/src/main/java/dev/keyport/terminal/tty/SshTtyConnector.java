package dev.keyport.terminal.tty;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

import com.techsenger.jeditermfx.core.TtyConnector;
import com.techsenger.jeditermfx.core.util.TermSize;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.keyport.terminal.ssh.ShellChannel;

/**
 * Bridges an SSH shell to the JediTermFX emulator: decodes the server's UTF-8 output for the
 * emulator's reader thread, sends typed bytes, and forwards resizes as SSH window-change.
 */
public final class SshTtyConnector implements TtyConnector {

    private static final Logger LOG = LoggerFactory.getLogger(SshTtyConnector.class);

    private final ShellChannel shell;
    private final String name;
    private final Reader reader;
    private final OutputStream input;

    public SshTtyConnector(ShellChannel shell, String name) {
        this.shell = shell;
        this.name = name;
        this.reader = new InputStreamReader(shell.output(), StandardCharsets.UTF_8);
        this.input = shell.input();
    }

    @Override
    public int read(char[] buf, int offset, int length) throws IOException {
        return reader.read(buf, offset, length);
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        synchronized (input) {
            input.write(bytes);
            input.flush();
        }
    }

    @Override
    public void write(String string) throws IOException {
        write(string.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean isConnected() {
        return shell.isOpen();
    }

    @Override
    public void resize(TermSize termSize) {
        try {
            shell.resize(termSize.getColumns(), termSize.getRows());
        } catch (IOException e) {
            LOG.debug("Window change for {} not sent: {}", name, e.getMessage());
        }
    }

    @Override
    public int waitFor() {
        return shell.waitFor();
    }

    @Override
    public boolean ready() throws IOException {
        return reader.ready();
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public void close() {
        shell.close();
    }
}
