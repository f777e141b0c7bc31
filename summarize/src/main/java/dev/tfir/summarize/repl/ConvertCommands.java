package dev.tfir.summarize.repl;

import dev.tfir.ConvertedModel;
import dev.tfir.Tfir;
import dev.tfir.convert.ConversionOptions;
import dev.tfir.convert.ConversionSummary;
import dev.tfir.convert.pipeline.ConversionRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * convert: runs the converter on the explored model, with the inputs and outputs of the last cut (or the
 * detected ones) and the mo options typed after it, parsed as convert parses them into the same request; prints the
 * converter's summary (where the IR went), with no progress line (it would cross the shell's own drawing).
 */
final class ConvertCommands {
    private ConvertCommands() {}

    /** The options of the REPL's convert: convert's, but those naming the model (it is the one explored). */
    @Command(name = "convert", sortOptions = false)
    static final class Options {
        @Spec
        private CommandSpec spec;

        @Mixin
        private ConversionOptions conversion;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show these options.")
        private boolean help;
    }

    static List<ShellCommand> all() {
        return List.of(new SimpleCommand("convert", "convert [mo options]",
                "convert to OpenVINO IR with the last cut's inputs and outputs, e.g. convert -b 1 --output_dir ir",
                ShellCommand.Completion.NONE, optionNames(), ConvertCommands::convert));
    }

    /** The option names, from the picocli model. */
    private static List<String> optionNames() {
        return new CommandLine(new Options()).getCommandSpec().options().stream().filter(o -> !o.hidden())
                .flatMap(o -> Arrays.stream(o.names())).filter(name -> name.startsWith("--")).sorted().toList();
    }

    private static void convert(List<String> typed, ShellContext c) {
        List<String> args = new ArrayList<>();
        Cut cut = c.session().cut();
        if (cut != null && !typed.contains("--input") && !typed.contains("--output")) {
            args.add("--input=" + String.join(",", cut.inputs()));
            args.add("--output=" + String.join(",", cut.outputs()));
        }
        args.addAll(typed);
        Options options = new Options();
        CommandLine commandLine = new CommandLine(options);
        ConversionRequest request;
        try {
            commandLine.parseArgs(args.toArray(String[]::new));
            if (commandLine.isUsageHelpRequested()) {
                commandLine.getUsageMessage().lines().forEach(c.printer()::println);
                return;
            }
            request = options.conversion.requestFor(c.session().source(), options.spec);
        } catch (ParameterException e) {
            throw new ShellException(e.getMessage() + " ('convert --help' lists the options)");
        }
        long start = System.nanoTime();
        ConvertedModel converted = Tfir.convert(request);
        StringWriter summary = new StringWriter();
        ConversionSummary.print(new PrintWriter(summary), converted, System.nanoTime() - start);
        summary.toString().lines().forEach(c.printer()::println);
    }
}
