package dev.tfir.cli;

import dev.tfir.common.Failure;
import java.io.PrintWriter;
import java.util.function.BiFunction;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The command line of a tfir executable (convert, summarize-graph): output and error writers, and failures
 * reported the one way {@link Failure} defines: one line on stderr, a stack trace only with --verbose, and the
 * exit code for the kind of failure.
 */
public final class ToolCommandLine {
    /**
     * picocli's system property naming the types whose built-in converters it does not register (a comma-separated
     * list of regular expressions).
     */
    private static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";
    /**
     * The types picocli registers converters for by reflection, loading their classes, that no tfir option has:
     * leaving them out saves summarize-graph 10 ms of a 0.2 s run.
     */
    private static final String NO_OPTION_TYPES = "java\\.sql\\..*,java\\.time\\..*";
    /**
     * picocli's system property that stops its default factory from looking for Groovy's Closure class on the class
     * path (a class no tfir jar has: the failed lookup searched every jar, about 5 ms of each start).
     */
    private static final String NO_CLOSURES = "picocli.disable.closures";

    private ToolCommandLine() {}

    /**
     * @param command the picocli command object, with a {@link VerboseOption} mixin; its name starts every error
     *                line
     */
    public static CommandLine of(Object command, PrintWriter out, PrintWriter err) {
        if (System.getProperty(CONVERTER_EXCLUDES) == null) {
            System.setProperty(CONVERTER_EXCLUDES, NO_OPTION_TYPES);
        }
        if (System.getProperty(NO_CLOSURES) == null) {
            System.setProperty(NO_CLOSURES, "true");
        }
        CommandLine cli = new CommandLine(command);
        String tool = cli.getCommandName();
        VerboseOption verbose = verboseMixin(cli.getCommandSpec());
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

    private static VerboseOption verboseMixin(CommandSpec command) {
        for (CommandSpec mixin : command.mixins().values()) {
            if (mixin.userObject() instanceof VerboseOption verbose) {
                return verbose;
            }
        }
        throw new IllegalArgumentException(command.name() + " has no --verbose mixin");
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
