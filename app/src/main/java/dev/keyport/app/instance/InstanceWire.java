package dev.keyport.app.instance;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The frames on the instance channel, one request and one reply per connection:
 * request = UTF "keyport-instance", int version, UTF verb, int count, count x UTF argument;
 * reply = int status, UTF message. A peer that speaks another version gets a refusal, not a hang.
 */
final class InstanceWire {

    static final String MAGIC = "keyport-instance";
    static final int VERSION = 1;
    static final int MAX_ARGUMENTS = 256;

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

    static InstanceRequest readRequest(DataInputStream in) throws IOException {
        if (!MAGIC.equals(in.readUTF())) {
            throw new IOException("not a Keyport instance request");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("instance protocol version " + version + " is not " + VERSION);
        }
        String verb = in.readUTF();
        int count = in.readInt();
        if (count < 0 || count > MAX_ARGUMENTS) {
            throw new IOException("too many arguments: " + count);
        }
        List<String> arguments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            arguments.add(in.readUTF());
        }
        return new InstanceRequest(verb, arguments);
    }

    static void writeReply(DataOutputStream out, InstanceReply reply) throws IOException {
        out.writeInt(reply.status());
        out.writeUTF(reply.message());
        out.flush();
    }

    static InstanceReply readReply(DataInputStream in) throws IOException {
        return new InstanceReply(in.readInt(), in.readUTF());
    }
}
