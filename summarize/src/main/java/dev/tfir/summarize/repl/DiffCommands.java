package dev.tfir.summarize.repl;

import dev.tfir.common.model.LoadedModel;
import dev.tfir.summarize.diff.DiffInputs;
import dev.tfir.summarize.diff.DiffReport;
import dev.tfir.summarize.diff.GraphDiff;
import java.nio.file.Path;
import java.util.List;

/** 'diff FILE': the explored model against another, node by node. */
final class DiffCommands {
    private static final String DIFF = "diff <model>";

    private DiffCommands() {}

    static List<ShellCommand> all() {
        return List.of(new SimpleCommand("diff", DIFF,
                "nodes only here, only in another model (GraphDef, .meta, SavedModel dir, IR), or changed",
                ShellCommand.Completion.NONE, DiffCommands::diff));
    }

    private static void diff(List<String> args, ShellContext c) {
        Path other = Path.of(SimpleCommand.oneArg(args, DIFF));
        LoadedModel b = DiffInputs.load(other);
        LoadedModel a = c.session().model();
        String report = DiffReport.text(GraphDiff.of(a.stored(), b.stored()),
                DiffReport.Side.of(c.session().source().mainPath(), a), DiffReport.Side.of(other, b));
        report.lines().forEach(c.printer()::println);
    }
}
