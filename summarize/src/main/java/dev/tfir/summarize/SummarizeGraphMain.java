package dev.tfir.summarize;

import java.io.PrintWriter;

/** Entry point of the {@code summarize-graph} executable. */
public final class SummarizeGraphMain {
    private SummarizeGraphMain() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(SummarizeGraphCommand.commandLine(out, err).execute(args));
    }
}
