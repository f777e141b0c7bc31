package dev.tfir.summarize;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs summarize-graph in the JVM, capturing exit code, stdout and stderr. */
public record Cli(int exitCode, String out, String err) {

    public static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SummarizeGraphCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
        return new Cli(code, out.toString(), err.toString());
    }
}
