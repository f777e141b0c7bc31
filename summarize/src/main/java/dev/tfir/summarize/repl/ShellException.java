package dev.tfir.summarize.repl;

/** A REPL command's argument problem: printed as one line, and the loop goes on. */
final class ShellException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ShellException(String message) {
        super(message);
    }
}
