package dev.tfir.cli;

import dev.tfir.common.Failure;
import java.io.PrintWriter;
import java.util.function.BiFunction;
import picocli.CommandLine;

/**
 * The command line of a tfir executable (convert, summarize-graph): output and error writers, and failures
 * reported the one way {@link Failure} defines: one line on stderr, a stack trace only with --verbose, and the
 * exit code for the kind of failure.
 */
public final class ToolCommandLine {
    private ToolCommandLine() {}

    /**
     * @param command the picocli command object, with a {@link VerboseOption} mixin; its name starts every error
     *                line
     */
    public static CommandLine of(Object command, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(command);
        String tool = cli.getCommandName();
        VerboseOption verbose = cli.getCommandSpec().mixins().values().stream()
                .map(mixin -> mixin.userObject()).filter(VerboseOption.class::isInstance)
                .map(VerboseOption.class::cast).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(tool + " has no --verbose mixin"));
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

    /** An executable's {@code main}: its command line on stdout and stderr, exiting with the command's code. */
    public static void main(BiFunction<PrintWriter, PrintWriter, CommandLine> commandLine, String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(commandLine.apply(out, err).execute(args));
    }

    private static int report(String tool, Throwable failure, CommandLine cli, VerboseOption verbose) {
        cli.getErr().println(Failure.message(tool, failure));
        if (verbose.on()) {
            failure.printStackTrace(cli.getErr());
        }
        cli.getErr().flush();
        return Failure.exitCode(failure);
    }
}
