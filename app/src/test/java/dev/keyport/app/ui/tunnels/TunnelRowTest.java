package dev.keyport.app.ui.tunnels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.keyport.app.tunnels.Forwards;
import dev.keyport.app.tunnels.TunnelState;
import dev.keyport.app.tunnels.TunnelStatus;
import dev.keyport.terminal.tunnel.ForwardSpec;
import dev.keyport.vault.ForwardProfile;

/** A reason that quotes the server is shown on the Tunnels page with its control characters visible. */
class TunnelRowTest {

    @Test
    void aFailureReasonFromTheServerCannotForgeTheStateText() {
        ForwardProfile profile = new ForwardProfile(UUID.randomUUID(), "db", UUID.randomUUID(), false,
                List.of(Forwards.fromSpec(ForwardSpec.parse('L', "15432:db:5432"))));
        TunnelRow row = new TunnelRow(profile, "bastion");

        row.update(new TunnelStatus(profile, new TunnelState.Failed("refused\n\u001b[32mOn\u001b[0m \u202Eevil"), List.of()));

        assertThat(row.stateProperty().get()).isEqualTo("Failed: refused\\n\\e[32mOn\\e[0m \\u202Eevil");
    }
}
