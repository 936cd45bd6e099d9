package dev.keyport.app.teamfile;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.keyport.app.services.KeyStorage;
import dev.keyport.terminal.keys.KeyAlgorithm;
import dev.keyport.terminal.keys.KeyCodec;
import dev.keyport.vault.ForwardProfile;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;
import dev.keyport.vault.HostDetails;
import dev.keyport.vault.HostGroup;
import dev.keyport.vault.HostKeyPolicy;
import dev.keyport.vault.Identity;
import dev.keyport.vault.KeyEntry;
import dev.keyport.vault.Vault;

/** Vaults filled through the repositories, as a person would have built them. */
final class TeamFileVaults {

    private TeamFileVaults() {
    }

    /** A small team: groups (nested), keys (one under a passphrase), an identity, every auth kind, a jump chain, a tunnel, a pinned key. */
    static void populate(Vault vault) throws Exception {
        HostGroup ops = HostGroup.create("Ops", null);
        HostGroup dbs = HostGroup.create("Databases", ops.id());
        vault.groups().save(ops);
        vault.groups().save(dbs);
        KeyEntry plain = key(vault, "laptop", KeyAlgorithm.ED25519, null);
        KeyEntry locked = key(vault, "deploy", KeyAlgorithm.ECDSA_P256, "deploy phrase".toCharArray());
        Identity deploy = Identity.create("deploy", "deploy", locked.id());
        vault.identities().save(deploy, "identity pw".toCharArray());
        Host bastion = Host.create("bastion", "bastion.example", 22, "ops", new HostAuth.VaultKey(plain.id()))
                .withDetails(new HostDetails(Optional.of(ops.id()), Optional.empty(), List.of("entry"), List.of(), 15,
                        HostKeyPolicy.ACCEPT_NEW, false, "the way in", true));
        Host db = Host.create("db", "10.0.0.5", 5432, "postgres", new HostAuth.SavedPassword())
                .withDetails(new HostDetails(Optional.of(dbs.id()), Optional.empty(), List.of("sql", "prod"), List.of(bastion.id()), 0,
                        HostKeyPolicy.STRICT, true, "", false));
        Host app = Host.create("app", "app.example", 2222, "web", new HostAuth.KeyFile("~/.ssh/id_app"))
                .withDetails(HostDetails.NONE.withIdentity(deploy.id()));
        Host asks = Host.create("switch", "[fe80::1%eth0]", 22, "admin", new HostAuth.Password());
        vault.hosts().saveAll(List.of(bastion, db, app, asks));
        vault.hosts().savePassword(db.id(), "db secret ü".toCharArray());
        vault.forwardProfiles().save(new ForwardProfile(UUID.randomUUID(), "db tunnel", db.id(), true, List.of(
                new ForwardProfile.Forward(ForwardProfile.Kind.LOCAL, "127.0.0.1", 15432, "localhost", 5432),
                new ForwardProfile.Forward(ForwardProfile.Kind.DYNAMIC, "127.0.0.1", 1080, null, 0))));
        String[] serverKey = plain.publicKey().split(" ");
        vault.hostKeys().add("bastion.example", 22, serverKey[0], serverKey[1], "trusted on first connection");
    }

    static KeyEntry key(Vault vault, String name, KeyAlgorithm algorithm, char[] passphrase) throws Exception {
        return KeyStorage.store(vault.keys(), KeyCodec.generate(algorithm, name + "@example"), name, passphrase);
    }
}
