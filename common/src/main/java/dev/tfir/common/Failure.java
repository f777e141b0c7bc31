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
        return failure instanceof TfirException || isMappedFileFault(failure) ? BAD_INPUT : INTERNAL;
    }

    /** One line for a command-line usage error, pointing at the help. */
    public static String usageMessage(String tool, String problem) {
        return oneLine(tool + ": error: " + problem + " (see '" + tool + " --help')");
    }

    /** One line, prefixed with the tool name: what went wrong, where, and what to do. */
    public static String message(String tool, Throwable failure) {
        if (failure instanceof TfirException) {
            return oneLine(tool + ": error: " + failure.getMessage());
        }
        if (isMappedFileFault(failure)) {
            return oneLine(tool + ": error: an input file became shorter while it was read (the JVM reports: "
                    + failure.getMessage() + "); leave the model and checkpoint files alone during a run and run again");
        }
        if (failure instanceof OutOfMemoryError) {
            return tool + ": error: out of memory; raise the Java heap with TFIR_JAVA_OPTS=-Xmx<size>";
        }
        return oneLine(tool + ": internal error: " + failure + " (this is a bug in tfir; run again with --verbose "
                + "and report the stack trace)");
    }

    /**
     * The JVM's report of a page of a memory-mapped file that is gone: the file was truncated after it was mapped
     * (by another process: tfir maps model and checkpoint files read-only and never maps past their size).
     */
    private static boolean isMappedFileFault(Throwable failure) {
        return failure instanceof InternalError
                && String.valueOf(failure.getMessage()).contains("unsafe memory access");
    }

    /**
     * The text with its control characters escaped (a line break as {@code \n}, a tab as {@code \t}, others as
     * {@code \}{@code uXXXX}), so that a message stays one line whatever names or parser messages it quotes.
     */
    public static String oneLine(String text) {
        StringBuilder line = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                if (line == null) {
                    line = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                switch (c) {
                    case '\n' -> line.append("\\n");
                    case '\r' -> line.append("\\r");
                    case '\t' -> line.append("\\t");
                    default -> line.append(String.format("\\u%04x", (int) c));
                }
            } else if (line != null) {
                line.append(c);
            }
        }
        return line == null ? text : line.toString();
    }
}
