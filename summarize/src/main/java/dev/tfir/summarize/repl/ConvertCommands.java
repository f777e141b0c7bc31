package dev.tfir.summarize.repl;

import dev.tfir.cli.ModelOptions;
import dev.tfir.convert.ConvertCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * convert: runs the converter on the explored model, with the inputs and outputs of the last cut (or the
 * detected ones) and the mo options typed after it; prints the converter's summary (where the IR went), with no
 * progress line (it would cross the shell's own drawing).
 */
final class ConvertCommands {
    private ConvertCommands() {}

    static List<ShellCommand> all() {
        return List.of(new SimpleCommand("convert", "convert [mo options]",
                "convert to OpenVINO IR with the last cut's inputs and outputs, e.g. convert -b 1 --output_dir ir",
                ShellCommand.Completion.NONE, converterOptions(), ConvertCommands::convert));
    }

    /** The converter's own option names, from its picocli model. */
    private static List<String> converterOptions() {
        return ConvertCommand.commandLine(new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()))
                .getCommandSpec().options().stream().filter(o -> !o.hidden()).flatMap(o -> Arrays.stream(o.names()))
                .filter(name -> name.startsWith("--")).sorted().toList();
    }

    private static void convert(List<String> options, ShellContext c) {
        List<String> args = new ArrayList<>(ModelOptions.arguments(c.session().source()));
        Cut cut = c.session().cut();
        if (cut != null && !options.contains("--input") && !options.contains("--output")) {
            args.add("--input=" + String.join(",", cut.inputs()));
            args.add("--output=" + String.join(",", cut.outputs()));
        }
        args.addAll(options);
        args.add("--no_progress");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = ConvertCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args.toArray(String[]::new));
        out.toString().lines().forEach(c.printer()::println);
        err.toString().lines().forEach(line -> c.printer().error(line.replaceFirst("^convert: error: ", "")));
        if (exit != 0) {
            c.printer().println(c.printer().muted("convert " + String.join(" ", args) + " exited with " + exit));
        }
    }
}
