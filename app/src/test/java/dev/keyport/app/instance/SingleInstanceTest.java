package dev.keyport.app.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One Keyport per data folder: the second launch's request reaches the first over the Unix socket. */
class SingleInstanceTest {

    @TempDir
    Path dataDir;

    @Test
    void aSecondLaunchHandsItsTeamFileToTheFirstAndGetsItsAnswer() throws Exception {
        List<InstanceRequest> received = new CopyOnWriteArrayList<>();
        SingleInstance.Claim first = SingleInstance.claim(dataDir, InstanceRequest.activate(Optional.empty()), request -> {
            received.add(request);
            return InstanceReply.ok("window in front");
        });
        assertThat(first).isInstanceOf(SingleInstance.Claim.First.class);
        try (SingleInstance instance = ((SingleInstance.Claim.First) first).instance()) {
            assertThat(Files.getPosixFilePermissions(instance.socket())).as("only the owner may talk to it")
                    .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);

            Path teamFile = dataDir.resolve("team.keyport");
            SingleInstance.Claim second = SingleInstance.claim(dataDir, InstanceRequest.activate(Optional.of(teamFile)), request -> {
                throw new AssertionError("the second launch must not serve");
            });

            assertThat(second).isEqualTo(new SingleInstance.Claim.HandedOver(InstanceReply.ok("window in front")));
            assertThat(received).containsExactly(new InstanceRequest(InstanceRequest.ACTIVATE, List.of(teamFile.toAbsolutePath().toString())));
        }
    }

    @Test
    void afterTheFirstClosesTheNextLaunchIsFirstAgainEvenOverASocketLeftBehind() throws Exception {
        SingleInstance.Claim first = SingleInstance.claim(dataDir, InstanceRequest.activate(Optional.empty()), r -> InstanceReply.ok("one"));
        ((SingleInstance.Claim.First) first).instance().close();
        Files.createFile(dataDir.resolve(SingleInstance.SOCKET_FILE)); // as a crashed Keyport would leave it

        SingleInstance.Claim again = SingleInstance.claim(dataDir, InstanceRequest.activate(Optional.empty()), r -> InstanceReply.ok("two"));

        assertThat(again).isInstanceOf(SingleInstance.Claim.First.class);
        try (SingleInstance instance = ((SingleInstance.Claim.First) again).instance()) {
            assertThat(SingleInstance.send(instance.socket(), InstanceRequest.activate(Optional.empty()))).isEqualTo(InstanceReply.ok("two"));
        }
    }

    @Test
    void aRequestTheRunningKeyportCannotServeIsRefusedWithItsReason() throws Exception {
        SingleInstance.Claim first = SingleInstance.claim(dataDir, InstanceRequest.activate(Optional.empty()), request -> {
            throw new IllegalStateException("the window is closing");
        });
        try (SingleInstance instance = ((SingleInstance.Claim.First) first).instance()) {
            InstanceReply reply = SingleInstance.send(instance.socket(), new InstanceRequest("activate", List.of()));
            assertThat(reply.status()).isNotZero();
            assertThat(reply.message()).isEqualTo("The running Keyport could not do it: the window is closing");
        }
    }

    @Test
    void theSocketIsOwnerOnly() throws Exception {
        try (SingleInstance instance = first(request -> InstanceReply.ok("yes"))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(instance.socket()))).isEqualTo("rw-------");
        }
    }

    /**
     * Even with the socket opened to everyone (its mode made 777, the folders traversable), a process
     * of another user is disconnected unanswered: the server checks the peer's credentials. The same
     * client run as this user is answered, so the test can tell the two apart.
     */
    @Test
    void anotherUserIsDisconnectedWithoutAnAnswerEvenWhenTheSocketFileIsOpenToAll() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/setpriv"))
                && Files.isExecutable(Path.of("/usr/bin/python3")), "needs root, setpriv and python3 to run a client as nobody");
        List<InstanceRequest> served = new CopyOnWriteArrayList<>();
        try (SingleInstance instance = first(request -> {
            served.add(request);
            return InstanceReply.ok("the host list");
        })) {
            Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x")); // only the test's own folder
            Files.setPosixFilePermissions(instance.socket(), PosixFilePermissions.fromString("rwxrwxrwx"));

            assertThat(client(instance.socket(), "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups")).isEqualTo("0 bytes");
            assertThat(served).isEmpty();

            assertThat(client(instance.socket())).isNotEqualTo("0 bytes");
            assertThat(served).hasSize(1);
        }
    }

    @Test
    void anOversizedRequestIsRefusedBeforeItIsServed() throws Exception {
        List<InstanceRequest> served = new CopyOnWriteArrayList<>();
        try (SingleInstance instance = first(request -> {
            served.add(request);
            return InstanceReply.ok("served");
        })) {
            InstanceReply tooMany = SingleInstance.send(instance.socket(), new InstanceRequest("host-list", java.util.Collections.nCopies(65, "x")));
            assertThat(tooMany.status()).isNotZero();
            assertThat(tooMany.message()).contains("too many arguments (at most 64)");

            InstanceReply tooLarge = SingleInstance.send(instance.socket(), new InstanceRequest("tunnel-up", java.util.Collections.nCopies(10, "y".repeat(3000))));
            assertThat(tooLarge.status()).isNotZero();
            assertThat(tooLarge.message()).contains("larger than 16384 bytes");

            // far more than the socket buffers hold: the window refuses and hangs up while this side still sends
            InstanceReply huge = SingleInstance.send(instance.socket(), new InstanceRequest("tunnel-up", java.util.Collections.nCopies(64, "z".repeat(4090))));
            assertThat(huge.status()).isNotZero();
            assertThat(huge.message()).contains("larger than 16384 bytes");

            InstanceReply badVerb = SingleInstance.send(instance.socket(), new InstanceRequest("\u001b]0;owned\u0007", List.of()));
            assertThat(badVerb.message()).contains("not a request verb");
            assertThat(served).isEmpty();
        }
    }

    private SingleInstance first(java.util.function.Function<InstanceRequest, InstanceReply> handler) {
        return ((SingleInstance.Claim.First) SingleInstance.claim(dataDir, InstanceRequest.activate(Optional.empty()), handler)).instance();
    }

    /** A minimal client in Python (run under {@code prefix}, e.g. as another user): sends a host-list request, prints how many bytes came back. */
    private static String client(Path socket, String... prefix) throws Exception {
        String script = String.join("\n",
                "import socket, struct, sys",
                "def utf(s):",
                "    b = s.encode()",
                "    return struct.pack('>H', len(b)) + b",
                "s = socket.socket(socket.AF_UNIX)",
                "s.connect(sys.argv[1])",
                "data = b''",
                "try:",
                "    s.sendall(utf('keyport-instance') + struct.pack('>i', 2) + utf('host-list') + struct.pack('>i', 0))",
                "    while True:",
                "        c = s.recv(4096)",
                "        if not c:",
                "            break",
                "        data += c",
                "except OSError:",
                "    pass",
                "print(str(len(data)) + ' bytes')");
        List<String> command = new java.util.ArrayList<>(List.of(prefix));
        command.addAll(List.of("/usr/bin/python3", "-c", script, socket.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }
}
