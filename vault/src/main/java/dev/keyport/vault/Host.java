package dev.keyport.vault;

import java.util.Objects;
import java.util.UUID;

/**
 * A saved server.
 *
 * @param id       stable id; references use it, never the name
 * @param name     what the person calls it ("db.internal", "Demo server")
 * @param address  host name or IP address
 * @param port     SSH port
 * @param username remote user
 * @param auth     how to authenticate
 * @param details  group, identity, tags, jump chain and connection options
 */
public record Host(UUID id, String name, String address, int port, String username, HostAuth auth, HostDetails details) {

    public Host {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(details, "details");
        Fields.require(Fields.checkName("Name", name));
        Fields.require(Fields.checkAddress(address));
        Fields.require(Fields.checkUser(username));
        name = name.strip();
        address = address.strip();
        username = username.strip();
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Port must be between 1 and 65535");
        }
    }

    /** A host with no group, tags or options. */
    public Host(UUID id, String name, String address, int port, String username, HostAuth auth) {
        this(id, name, address, port, username, auth, HostDetails.NONE);
    }

    public Host withDetails(HostDetails newDetails) {
        return new Host(id, name, address, port, username, auth, newDetails);
    }

    /** A new host with a fresh id. */
    public static Host create(String name, String address, int port, String username, HostAuth auth) {
        return new Host(UUID.randomUUID(), name, address, port, username, auth);
    }

}
