package dev.tfir.common;

/**
 * The one mapping from a failure to what the user sees: the exit code and the single line for stderr.
 * Both executables use it, so the same problem looks and exits the same everywhere.
 */
public final class Failure {
    /** Bad input: a model, checkpoint or option value that cannot be used. */
    public static final int BAD_INPUT = 1;
    /** Command-line usage error (unknown option, missing value), as picocli reports it. */
    public static final int USAGE = 2;
    /** A bug in tfir: the message asks for a report. */
    public static final int INTERNAL = 3;

    private Failure() {}

    public static int exitCode(Throwable failure) {
        return failure instanceof TfirException ? BAD_INPUT : INTERNAL;
    }

    /** One line for a command-line usage error, pointing at the help. */
    public static String usageMessage(String tool, String problem) {
        return tool + ": error: " + problem + " (see '" + tool + " --help')";
    }

    /** One line, prefixed with the tool name: what went wrong, where, and what to do. */
    public static String message(String tool, Throwable failure) {
        if (failure instanceof TfirException) {
            return tool + ": error: " + failure.getMessage();
        }
        if (failure instanceof OutOfMemoryError) {
            return tool + ": error: out of memory; raise the Java heap with TFIR_JAVA_OPTS=-Xmx<size>";
        }
        return tool + ": internal error: " + failure + " (this is a bug in tfir; run again with --verbose and "
                + "report the stack trace)";
    }
}
