package dev.tfir.summarize.repl;

import dev.tfir.common.detect.InputInfo;
import dev.tfir.common.types.DTypes;
import dev.tfir.summarize.ir.IrReport;
import dev.tfir.summarize.report.PreprocessingHint;
import dev.tfir.summarize.report.SignaturesReport;
import dev.tfir.summarize.report.StatsReport;
import dev.tfir.summarize.report.TextReport;
import java.util.List;
import org.tensorflow.proto.NodeDef;

/** Commands about the model as a whole: summary, inputs, outputs, stats, signatures. */
final class ModelCommands {
    private ModelCommands() {}

    static List<ShellCommand> all() {
        return List.of(
                new SimpleCommand("summary", "summary",
                        "inputs and outputs as summarize_graph.py prints them, and the preprocessing hint",
                        ShellCommand.Completion.NONE, ModelCommands::summary),
                new SimpleCommand("inputs", "inputs", "the inputs to feed: Placeholders with type and shape",
                        ShellCommand.Completion.NONE, ModelCommands::inputs),
                new SimpleCommand("outputs", "outputs", "the detected outputs with their op types",
                        ShellCommand.Completion.NONE, ModelCommands::outputs),
                new SimpleCommand("stats", "stats", "op types used with counts, parameters, control edges",
                        ShellCommand.Completion.NONE,
                        (args, c) -> print(c, c.session().ir() != null ? IrReport.stats(c.session().ir())
                                : StatsReport.render(c.session().model().stored()))),
                new SimpleCommand("signatures", "signatures",
                        "a SavedModel's signatures with their inputs and outputs, and the one in use",
                        ShellCommand.Completion.NONE, ModelCommands::signatures));
    }

    private static void summary(List<String> args, ShellContext c) {
        if (c.session().ir() != null) {
            print(c, IrReport.text(c.session().ir()));
            return;
        }
        print(c, TextReport.render(c.session().summary()));
        PreprocessingHint.recognise(c.session().model()).ifPresent(preprocessing -> preprocessing
                .text(c.session().source()).lines().map(c.printer()::muted).forEach(c.printer()::println));
    }

    private static void signatures(List<String> args, ShellContext c) {
        if (c.session().model().signatures().isEmpty()) {
            c.printer().println(c.printer().muted("no signatures: only a SavedModel has them"));
        }
        print(c, SignaturesReport.text(c.session().model()));
    }

    private static void inputs(List<String> args, ShellContext c) {
        for (InputInfo input : c.session().summary().inputs()) {
            c.printer().println(c.printer().node(input.name()) + "  " + DTypes.pythonName(input.dtype()) + " "
                    + input.shape().toSummaryString());
        }
        if (c.session().summary().inputs().isEmpty()) {
            c.printer().println(c.printer().muted("no Placeholder inputs"));
        }
    }

    private static void outputs(List<String> args, ShellContext c) {
        for (NodeDef output : c.session().summary().outputs()) {
            c.printer().println(c.printer().nodeWithOp(output.getName(), output.getOp()));
        }
        if (c.session().summary().outputs().isEmpty()) {
            c.printer().println(c.printer().muted("no outputs detected"));
        }
    }

    private static void print(ShellContext c, String text) {
        text.lines().forEach(c.printer()::println);
    }
}
