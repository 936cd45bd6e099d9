/**
 * The shareable team file: its document types ({@link dev.keyport.syncformat.TeamDocument}), the
 * canonical writer ({@link dev.keyport.syncformat.TeamFileWriter}) and the validating reader
 * ({@link dev.keyport.syncformat.TeamFileReader}), with per-field encrypted secrets and an integrity
 * code when the file is protected by an export passphrase. Specified in {@code docs/team-file.md}.
 *
 * <p>This module depends on no other Keyport module; {@code app} maps between these types and the
 * vault's.
 */
package dev.keyport.syncformat;
