package dev.keyport.app.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** Options every vault command takes. */
public final class CommonOptions {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the vault lives (default: the platform's data folder; also KEYPORT_DATA_DIR).")
    Path dataDir;
}
