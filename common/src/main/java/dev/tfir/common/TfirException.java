package dev.tfir.common;

/**
 * A problem with the user's input (a model file, an option value) that the tools report as one line on stderr.
 * The message says what is wrong, where, and what to do; it is complete without the stack trace.
 */
public class TfirException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TfirException(String message) {
        super(message);
    }

    public TfirException(String message, Throwable cause) {
        super(message, cause);
    }

    /** An exception thrown so often that it must be cheap: without a stack trace. */
    protected TfirException(String message, boolean stackTrace) {
        super(message, null, false, stackTrace);
    }
}
