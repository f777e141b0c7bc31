package dev.tfir.convert;

import java.io.PrintWriter;

/** Entry point of the {@code convert} executable. */
public final class ConvertMain {
    private ConvertMain() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(ConvertCommand.commandLine(out, err).execute(args));
    }
}
