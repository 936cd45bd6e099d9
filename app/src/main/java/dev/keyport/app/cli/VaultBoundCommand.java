package dev.keyport.app.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that works on the vault of a data folder: picocli gives it its own {@link CommandSpec} (for its
 * output, error stream and name) and the {@code --data-dir} option every vault command takes.
 */
abstract class VaultBoundCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    CommonOptions common;
}
