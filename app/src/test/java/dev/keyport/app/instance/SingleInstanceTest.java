package dev.keyport.app.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
