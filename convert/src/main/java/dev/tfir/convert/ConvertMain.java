package dev.tfir.convert;

import dev.tfir.cli.ToolCommandLine;

/** Entry point of the {@code convert} executable. */
public final class ConvertMain {
    private ConvertMain() {}

    public static void main(String[] args) {
        ToolCommandLine.main(ConvertCommand::commandLine, args);
    }
}
