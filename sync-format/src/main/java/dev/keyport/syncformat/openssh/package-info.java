/**
 * OpenSSH's own files, parsed without running anything: the client configuration
 * ({@link dev.keyport.syncformat.openssh.SshConfigReader}, resolved per alias as {@code ssh -G} does),
 * {@code known_hosts} ({@link dev.keyport.syncformat.openssh.KnownHostsReader}), and writers for both
 * ({@link dev.keyport.syncformat.openssh.SshConfigWriter},
 * {@link dev.keyport.syncformat.openssh.KnownHostsWriter}).
 */
package dev.keyport.syncformat.openssh;
