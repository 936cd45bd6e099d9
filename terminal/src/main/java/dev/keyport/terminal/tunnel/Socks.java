package dev.keyport.terminal.tunnel;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;
import org.apache.sshd.common.util.net.SshdSocketAddress;

/**
 * The server side of SOCKS4, SOCKS4a and SOCKS5 (RFC 1928: no authentication, CONNECT only), as a -D
 * forward speaks it. Names are not resolved here: they go to the SSH server in the direct-tcpip request,
 * so they are resolved on the server's side, as with {@code ssh -D}. Reads exactly the bytes of the
 * handshake (a {@link DataInputStream} over the socket, unbuffered), so data a client sends right behind
 * it stays in the socket for the tunnel.
 */
final class Socks {

    /** SOCKS5 reply codes (RFC 1928 section 6). */
    static final int SUCCEEDED = 0x00;
    static final int GENERAL_FAILURE = 0x01;
    static final int NOT_ALLOWED = 0x02;
    static final int NETWORK_UNREACHABLE = 0x03;
    static final int HOST_UNREACHABLE = 0x04;
    static final int CONNECTION_REFUSED = 0x05;
    static final int COMMAND_NOT_SUPPORTED = 0x07;
    static final int ADDRESS_TYPE_NOT_SUPPORTED = 0x08;

    private static final int HANDSHAKE_TIMEOUT_MS = 30_000;

    private Socks() {
    }

    /** A CONNECT request: where to, and which version to answer in. */
    record Request(int version, SshdSocketAddress target) {
    }

    /** A request Keyport cannot serve; the reply is sent already. */
    static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    /** Reads the greeting and request; answers the greeting (and refusals) itself. */
    static Request readRequest(SocketChannel socket) throws IOException {
        socket.socket().setSoTimeout(HANDSHAKE_TIMEOUT_MS);
        try {
            DataInputStream in = new DataInputStream(socket.socket().getInputStream());
            int version = in.readUnsignedByte();
            Request request = switch (version) {
                case 4 -> socks4(in, socket);
                case 5 -> socks5(in, socket);
                default -> throw new Refused("Not a SOCKS request (first byte " + version + ")");
            };
            socket.socket().setSoTimeout(0);
            return request;
        } catch (SocketTimeoutException e) {
            throw new Refused("The SOCKS client sent no complete request within " + HANDSHAKE_TIMEOUT_MS / 1000 + " s");
        } catch (java.io.EOFException e) {
            throw new Refused("The SOCKS client closed the connection during the handshake");
        }
    }

    private static Request socks4(DataInputStream in, SocketChannel socket) throws IOException {
        int command = in.readUnsignedByte();
        int port = in.readUnsignedShort();
        byte[] ip = new byte[4];
        in.readFully(ip);
        readNulTerminated(in); // user id: ignored, as ssh -D does
        String host;
        if (ip[0] == 0 && ip[1] == 0 && ip[2] == 0 && ip[3] != 0) {
            host = readNulTerminated(in); // SOCKS4a: the name follows
            if (host.isEmpty()) {
                reply(socket, new Request(4, null), GENERAL_FAILURE);
                throw new Refused("SOCKS4a request without a host name");
            }
        } else {
            host = InetAddress.getByAddress(ip).getHostAddress();
        }
        Request request = new Request(4, new SshdSocketAddress(host, port));
        if (command != 1) {
            reply(socket, request, COMMAND_NOT_SUPPORTED);
            throw new Refused("SOCKS4 command " + command + " is not supported (only CONNECT)");
        }
        return request;
    }

    private static Request socks5(DataInputStream in, SocketChannel socket) throws IOException {
        int methods = in.readUnsignedByte();
        boolean noAuth = false;
        for (int i = 0; i < methods; i++) {
            noAuth |= in.readUnsignedByte() == 0x00;
        }
        if (!noAuth) {
            write(socket, new byte[] {5, (byte) 0xFF});
            throw new Refused("The SOCKS5 client offered no method without authentication");
        }
        write(socket, new byte[] {5, 0});
        int version = in.readUnsignedByte();
        int command = in.readUnsignedByte();
        in.readUnsignedByte(); // reserved
        int type = in.readUnsignedByte();
        Request failed = new Request(5, null);
        if (version != 5) {
            reply(socket, failed, GENERAL_FAILURE);
            throw new Refused("Bad SOCKS5 request version " + version);
        }
        String host;
        switch (type) {
            case 1 -> {
                byte[] ip = new byte[4];
                in.readFully(ip);
                host = InetAddress.getByAddress(ip).getHostAddress();
            }
            case 3 -> {
                byte[] name = new byte[in.readUnsignedByte()];
                in.readFully(name);
                host = new String(name, StandardCharsets.US_ASCII);
            }
            case 4 -> {
                byte[] ip = new byte[16];
                in.readFully(ip);
                host = InetAddress.getByAddress(ip).getHostAddress();
            }
            default -> {
                reply(socket, failed, ADDRESS_TYPE_NOT_SUPPORTED);
                throw new Refused("SOCKS5 address type " + type + " is not supported");
            }
        }
        int port = in.readUnsignedShort();
        Request request = new Request(5, new SshdSocketAddress(host, port));
        if (command != 1) {
            reply(socket, request, COMMAND_NOT_SUPPORTED);
            throw new Refused("SOCKS5 command " + command + " is not supported (only CONNECT)");
        }
        if (host.isEmpty()) {
            reply(socket, request, HOST_UNREACHABLE);
            throw new Refused("SOCKS5 request with an empty host name");
        }
        return request;
    }

    private static String readNulTerminated(DataInputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int b = in.readUnsignedByte(); b != 0; b = in.readUnsignedByte()) {
            if (text.length() >= 255) {
                throw new Refused("SOCKS4 field longer than 255 bytes");
            }
            text.append((char) b);
        }
        return text.toString();
    }

    /** Answers the request: {@link #SUCCEEDED} or a SOCKS5 failure code (SOCKS4 knows only granted/rejected). */
    static void reply(SocketChannel socket, Request request, int code) throws IOException {
        if (request.version() == 4) {
            write(socket, new byte[] {0, (byte) (code == SUCCEEDED ? 0x5A : 0x5B), 0, 0, 0, 0, 0, 0});
        } else {
            // BND.ADDR/BND.PORT: the server's side of the connection is not known here; 0.0.0.0:0 as ssh -D says
            write(socket, new byte[] {5, (byte) code, 0, 1, 0, 0, 0, 0, 0, 0});
        }
    }

    /** The SOCKS5 code for a direct-tcpip channel the server would not open. */
    static int failureCode(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SshChannelOpenException open) {
                if (open.getReasonCode() == SshConstants.SSH_OPEN_ADMINISTRATIVELY_PROHIBITED) {
                    return NOT_ALLOWED;
                }
                String message = String.valueOf(open.getMessage()).toLowerCase(Locale.ROOT);
                if (message.contains("refused")) {
                    return CONNECTION_REFUSED;
                }
                if (message.contains("network is unreachable")) {
                    return NETWORK_UNREACHABLE;
                }
                if (open.getReasonCode() == SshConstants.SSH_OPEN_CONNECT_FAILED) {
                    return HOST_UNREACHABLE; // no route, name not known, timed out
                }
                return GENERAL_FAILURE;
            }
        }
        return GENERAL_FAILURE;
    }

    private static void write(SocketChannel socket, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            socket.write(buffer);
        }
    }
}
