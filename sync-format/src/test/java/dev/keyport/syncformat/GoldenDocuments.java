package dev.keyport.syncformat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.keyport.syncformat.TeamDocument.Auth;
import dev.keyport.syncformat.TeamDocument.Forward;
import dev.keyport.syncformat.TeamDocument.Group;
import dev.keyport.syncformat.TeamDocument.Host;
import dev.keyport.syncformat.TeamDocument.HostKeyPolicy;
import dev.keyport.syncformat.TeamDocument.Identity;
import dev.keyport.syncformat.TeamDocument.Key;
import dev.keyport.syncformat.TeamDocument.TrustedHostKey;
import dev.keyport.syncformat.TeamDocument.TunnelProfile;

/**
 * The document behind the golden team files under {@code src/test/resources/golden/}: a small team
 * with every kind of entity and every auth kind. Ids are name-based UUIDs so they read the same in
 * every run.
 */
final class GoldenDocuments {

    static final String PASSPHRASE = "correct horse battery staple";
    static final String PLAIN = "team-1.0.keyport";
    static final String WITH_SECRETS = "team-1.0-secrets.keyport";
    static final String NEWER_MINOR = "team-1.1-newer-minor.keyport";

    static final UUID FILE = id("file:acme-ops");
    static final UUID PRODUCTION = id("group:production");
    static final UUID DATABASES = id("group:databases");
    static final UUID STAGING = id("group:staging");
    static final UUID BASTION = id("host:bastion");
    static final UUID DB_PRIMARY = id("host:db-primary");
    static final UUID DB_REPLICA = id("host:db-replica");
    static final UUID SWITCH = id("host:old-switch");
    static final UUID APP = id("host:app-1");
    static final UUID DEPLOY = id("identity:deploy");
    static final UUID OPS_KEY = id("key:ops");
    static final UUID DEPLOY_KEY = id("key:deploy");
    static final UUID POSTGRES = id("tunnel:postgres");
    static final UUID BASTION_KEY = id("hostkey:bastion");
    static final UUID DB_KEY = id("hostkey:db");

    static final String OPS_PUBLIC = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAavQZG8S9IK47yWbGnuvwsKbppW0KHYjs0/l9L0RVvc ops@acme";
    static final String DEPLOY_PUBLIC = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQC2H48N0OwSjj5KZgpcAZQ8TvAq3utSwqvAtu5IfU35/zHpnxBouT6VuvdXIIj891d0Slt6WDfaAB/13RdhCxV9CVQuM6adPtYg/P8GBlB8Nm6XF8xMH4MWq4Qrw0YOxwdrneszXSUTZLb8yeimP/tyvI9lzMqOortK0M7YTirdRnHcpujRGIvaOsW5waSEuZvPZ3I9MNZLxgd7X6F83zH/aPOtL0u5CmybPS2fzr6sWvkPtTUbNWePiaq849qyYgwtR8vBSP3tBQAePxfrhaLsJLEd1NyEpO+mDMjrpeOLtG9pi1adYB/ijq+7jf37wfQtvX/rdexvJ6JnN1JV0sb9ObO2trK94ZjsComv4jaIucNvNYU/SQZeaTU+Kxv7qhhrtMfH1ftXqzmOKcKWIv/4AbLpzYwJpwlqWlzwet9Yk+s+KqB5Beoi92uSqcQ71PcG4HkOWU2wn/NWG3wJM11adCySBUMn7WXxHB9ijTCpyyS7WdZxs7DfOwxUA+qVUyk= deploy@acme";
    static final String BASTION_HOST_KEY = "AAAAC3NzaC1lZDI1NTE5AAAAIAavQZG8S9IK47yWbGnuvwsKbppW0KHYjs0/l9L0RVvc";
    static final String DB_HOST_KEY = "AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBJieas+9E5ozhGiCnFxNRf5It4DjpJlhPRTtc33oPsuUsYhpgtLJU9puNa/5X2+j6LjaVvUchukrqvX0KoFd9Cw=";

    private GoldenDocuments() {
    }

    static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /** The golden team, without secrets. */
    static TeamDocument team() {
        return team(false);
    }

    /** The golden team with its secrets (saved passwords, private keys, a key passphrase). */
    static TeamDocument teamWithSecrets() {
        return team(true);
    }

    private static TeamDocument team(boolean secrets) {
        List<Group> groups = List.of(
                new Group(PRODUCTION, "Production", Optional.empty()),
                new Group(DATABASES, "Databases", Optional.of(PRODUCTION)),
                new Group(STAGING, "Staging", Optional.empty()));
        List<Host> hosts = List.of(
                Host.builder(BASTION, "bastion", "bastion.acme.example", "ops").group(PRODUCTION)
                        .auth(new Auth.KeyFile("~/.ssh/id_ed25519")).agentForwarding(true)
                        .hostKeyPolicy(HostKeyPolicy.ACCEPT_NEW).tags(List.of("prod", "entry")).build(),
                Host.builder(DB_PRIMARY, "db primary", "10.0.1.10", "postgres").port(2222).group(DATABASES)
                        .auth(new Auth.VaultKey(OPS_KEY)).jumpChain(List.of(BASTION)).hostKeyPolicy(HostKeyPolicy.STRICT)
                        .keepAliveSeconds(30).tags(List.of("prod", "db")).build(),
                Host.builder(DB_REPLICA, "db replica", "db-replica.internal", "postgres").group(DATABASES)
                        .auth(new Auth.SavedPassword(secret(secrets, "replica-pw-ü")))
                        .jumpChain(List.of(BASTION, DB_PRIMARY)).build(),
                Host.builder(SWITCH, "old switch", "[fe80::1%eth0]", "admin").port(22).group(STAGING)
                        .legacyAlgorithms(true).notes("Größe: 2U, rack 4\nAsk Dana before rebooting.\tThanks!").build(),
                Host.builder(APP, "app-1", "app-1.staging.acme.example", "deploy").group(STAGING).identity(DEPLOY)
                        .auth(new Auth.VaultKey(DEPLOY_KEY)).build());
        List<Identity> identities = List.of(
                new Identity(DEPLOY, "Deploy user", "deploy", Optional.of(DEPLOY_KEY), secret(secrets, "deploy-password")));
        List<Key> keys = List.of(
                new Key(OPS_KEY, "ops ed25519", "ssh-ed25519", 256, "SHA256:O44YNOiQRJAItFcEeTSOJt6iZfXDEe/PikUgqYX8Hug",
                        OPS_PUBLIC, privateKey(secrets, "ops_ed25519"), Optional.empty()),
                new Key(DEPLOY_KEY, "deploy rsa", "ssh-rsa", 3072, "SHA256:yfXUUBB4R5A76os5CgmCEI0yI1zSECQlGHYzcHo9+LM",
                        DEPLOY_PUBLIC, privateKey(secrets, "deploy_rsa"), secret(secrets, "key-pass")));
        List<TunnelProfile> tunnels = List.of(new TunnelProfile(POSTGRES, "Postgres via primary", DB_PRIMARY, true, List.of(
                Forward.local("127.0.0.1", 5432, "localhost", 5432),
                Forward.remote("127.0.0.1", 9000, "localhost", 3000),
                Forward.dynamic("localhost", 1080))));
        List<TrustedHostKey> hostKeys = List.of(
                new TrustedHostKey(BASTION_KEY, "bastion.acme.example", 22, "ssh-ed25519", BASTION_HOST_KEY),
                new TrustedHostKey(DB_KEY, "10.0.1.10", 2222, "ecdsa-sha2-nistp256", DB_HOST_KEY));
        return new TeamDocument(FILE, groups, hosts, identities, keys, tunnels, hostKeys);
    }

    private static Optional<Secret> secret(boolean secrets, String value) {
        return secrets ? Optional.of(Secret.ofChars(value.toCharArray())) : Optional.empty();
    }

    private static Optional<Secret> privateKey(boolean secrets, String resource) {
        return secrets ? Optional.of(Secret.ofBytes(resource("/keys/" + resource))) : Optional.empty();
    }

    static byte[] resource(String name) {
        try (InputStream in = GoldenDocuments.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] golden(String name) {
        return resource("/golden/" + name);
    }

    /** The golden folder in the source tree (for regenerating it). */
    static Path sourceFolder() {
        return Paths.get("src/test/resources/golden");
    }

    static char[] passphrase() {
        return PASSPHRASE.toCharArray();
    }
}
