package dev.tfir.convert.cli;

import dev.tfir.common.Failure;
import java.io.PrintWriter;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;

/**
 * The command line of a tfir executable (convert, summarize-graph): output and error writers, and failures
 * reported the one way {@link Failure} defines: one line on stderr, a stack trace only with --verbose, and the
 * exit code for the kind of failure.
 */
public final class ToolCommandLine {
    private ToolCommandLine() {}

    /**
     * @param command the picocli command object
     * @param tool    the executable's name, which starts every error line
     * @param verbose whether the user asked for stack traces (read when a failure happens)
     */
    public static CommandLine of(Object command, String tool, BooleanSupplier verbose, PrintWriter out,
                                 PrintWriter err) {
        CommandLine cli = new CommandLine(command);
        cli.setOut(out).setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> report(tool, e, commandLine, verbose));
        // errors (out of memory, a stack overflow) pass picocli's exception handler by: the same one line for them
        cli.setExecutionStrategy(parseResult -> {
            try {
                return new CommandLine.RunLast().execute(parseResult);
            } catch (VirtualMachineError e) {
                return report(tool, e, cli, verbose);
            }
        });
        cli.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println(Failure.usageMessage(tool, e.getMessage()));
            return Failure.USAGE;
        });
        return cli;
    }

    private static int report(String tool, Throwable failure, CommandLine cli, BooleanSupplier verbose) {
        cli.getErr().println(Failure.message(tool, failure));
        if (verbose.getAsBoolean()) {
            failure.printStackTrace(cli.getErr());
        }
        cli.getErr().flush();
        return Failure.exitCode(failure);
    }
}
