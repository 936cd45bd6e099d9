package dev.keyport.app.instance;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The frames on the instance channel, one request per connection:
 * request = UTF "keyport-instance", int version, UTF verb, int count, count x UTF argument, at most
 * {@value #MAX_REQUEST_BYTES} bytes in all; then any number of {@code 'L'} UTF line frames (output
 * for the second process's standard output, as it happens) and one {@code 'E'} int status, UTF
 * message frame that ends the reply. A client that wants a long-running request to stop (Ctrl-C)
 * shuts down its sending side; the server sees the end of its input. A peer that speaks another
 * version gets a refusal, not a hang.
 */
final class InstanceWire {

    static final String MAGIC = "keyport-instance";
    static final int VERSION = 2;
    static final int MAX_ARGUMENTS = 64;
    /** A request names hosts, tunnels and a file: this is far more than any needs. */
    static final int MAX_REQUEST_BYTES = 16 * 1024;
    static final int MAX_VERB_CHARS = 32;
    static final int MAX_ARGUMENT_CHARS = 4096;
    private static final byte LINE = 'L';
    private static final byte END = 'E';

    private InstanceWire() {
    }

    static void writeRequest(DataOutputStream out, InstanceRequest request) throws IOException {
        out.writeUTF(MAGIC);
        out.writeInt(VERSION);
        out.writeUTF(request.verb());
        out.writeInt(request.arguments().size());
        for (String argument : request.arguments()) {
            out.writeUTF(argument);
        }
        out.flush();
    }

    /** Reads one request, refusing one larger than {@value #MAX_REQUEST_BYTES} bytes or with more arguments than it may have. */
    static InstanceRequest readRequest(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new Bounded(raw, MAX_REQUEST_BYTES));
        if (!MAGIC.equals(in.readUTF())) {
            throw new IOException("not a Keyport instance request");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("instance protocol version " + version + " is not " + VERSION
                    + " (this Keyport and the running one are different versions: close the window and start it again)");
        }
        String verb = in.readUTF();
        if (verb.isEmpty() || verb.length() > MAX_VERB_CHARS || !verb.matches("[a-z-]+")) {
            throw new IOException("not a request verb");
        }
        int count = in.readInt();
        if (count < 0 || count > MAX_ARGUMENTS) {
            throw new IOException("too many arguments (at most " + MAX_ARGUMENTS + ")");
        }
        List<String> arguments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String argument = in.readUTF();
            if (argument.length() > MAX_ARGUMENT_CHARS) {
                throw new IOException("an argument is longer than " + MAX_ARGUMENT_CHARS + " characters");
            }
            arguments.add(argument);
        }
        return new InstanceRequest(verb, arguments);
    }

    static void writeLine(DataOutputStream out, String line) throws IOException {
        out.writeByte(LINE);
        out.writeUTF(line.length() > 16_000 ? line.substring(0, 16_000) : line);
        out.flush();
    }

    static void writeReply(DataOutputStream out, InstanceReply reply) throws IOException {
        out.writeByte(END);
        out.writeInt(reply.status());
        out.writeUTF(reply.message().length() > 16_000 ? reply.message().substring(0, 16_000) : reply.message());
        out.flush();
    }

    /** The next frame: a line of output, or the reply that ends the conversation. */
    record Frame(Optional<String> line, Optional<InstanceReply> reply) {
    }

    static Frame readFrame(DataInputStream in) throws IOException {
        byte kind = in.readByte();
        if (kind == LINE) {
            return new Frame(Optional.of(in.readUTF()), Optional.empty());
        }
        if (kind == END) {
            return new Frame(Optional.empty(), Optional.of(new InstanceReply(in.readInt(), in.readUTF())));
        }
        throw new IOException("the running Keyport sent something this version does not understand");
    }

    /**
     * The channel's input as a stream. Not {@code Channels.newInputStream}: its streams take the
     * channel's blocking lock, so a read waiting for the other side's hang-up would stop every write.
     */
    static InputStream input(SocketChannel channel) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (length == 0) {
                    return 0;
                }
                return channel.read(ByteBuffer.wrap(buffer, offset, length)); // blocking: never 0
            }
        };
    }

    /** The channel's output as a buffered stream (see {@link #input}); the frame writers flush. */
    static DataOutputStream output(SocketChannel channel) {
        return new DataOutputStream(new BufferedOutputStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] buffer, int offset, int length) throws IOException {
                ByteBuffer bytes = ByteBuffer.wrap(buffer, offset, length);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            }
        }, 8192));
    }

    /** Ends the stream after {@code limit} bytes with an error, so a request cannot grow without bound. */
    private static final class Bounded extends FilterInputStream {
        private long left;

        Bounded(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                throw new IOException("the request is larger than " + MAX_REQUEST_BYTES + " bytes");
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                throw new IOException("the request is larger than " + MAX_REQUEST_BYTES + " bytes");
            }
            int n = super.read(buffer, offset, (int) Math.min(length, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
