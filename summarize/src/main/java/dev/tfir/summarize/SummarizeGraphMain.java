package dev.tfir.summarize;

import dev.tfir.cli.ToolCommandLine;

/** Entry point of the {@code summarize-graph} executable. */
public final class SummarizeGraphMain {
    private SummarizeGraphMain() {}

    public static void main(String[] args) {
        ToolCommandLine.main(SummarizeGraphCommand::commandLine, args);
    }
}
