package dev.keyport.app.teamfile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.keyport.syncformat.TeamDocument;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;

/** "SSH agent only" goes into the team file and comes back as itself, not as "ask the password". */
class TeamMappingAgentTest {

    @Test
    void anAgentOnlyHostIsMappedBothWays() {
        Host host = Host.create("agent box", "agent.example", 22, "me", new HostAuth.Agent());
        TeamDocument.Host inFile = TeamMapping.host(host);
        assertThat(inFile.auth()).isEqualTo(new TeamDocument.Auth.AgentOnly());
        Host back = TeamMapping.host(inFile, host.id(), host.name(), id -> id);
        assertThat(back.auth()).isEqualTo(new HostAuth.Agent());
        assertThat(TeamMapping.host(TeamMapping.host(Host.create("pw", "pw.example", 22, "me", new HostAuth.Password())), host.id(), "pw",
                id -> id).auth()).isEqualTo(new HostAuth.Password());
    }
}
