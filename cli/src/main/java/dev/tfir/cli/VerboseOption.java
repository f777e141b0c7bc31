package dev.tfir.cli;

import picocli.CommandLine.Option;

/** {@code -v}/{@code --verbose}: stack traces with errors; a picocli mixin of both executables. */
public final class VerboseOption {
    @Option(names = {"-v", "--verbose"}, description = "Print stack traces of errors.")
    private boolean verbose;

    /** Whether the user asked for stack traces. */
    public boolean on() {
        return verbose;
    }
}
