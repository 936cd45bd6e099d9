package dev.keyport.app.cli;

/** Implemented by the root command so tests can hand in their own environment. */
public interface CliRoot {
    CliEnvironment environment();
}
