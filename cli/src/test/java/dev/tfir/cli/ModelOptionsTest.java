package dev.tfir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tfir.common.model.ModelSource;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** ModelSource to options and back: what the options name is the source they were written from. */
class ModelOptionsTest {
    @Command(name = "probe")
    static final class Probe {
        @Spec
        CommandSpec spec;
        @Mixin
        ModelOptions model;
    }

    private static ModelSource parsed(List<String> args) {
        Probe probe = new Probe();
        new CommandLine(probe).parseArgs(args.toArray(String[]::new));
        return probe.model.source(probe.spec);
    }

    @Test
    void everyFormOfSourceComesBackFromItsOptions() {
        Path ckpt = Path.of("dir with space/model.ckpt");
        List<ModelSource> sources = List.of(
                ModelSource.graphFile(Path.of("m.pb")),
                ModelSource.graphFile(Path.of("m.pbtxt")).readAsText(),
                ModelSource.graphFile(Path.of("m.pb")).withCheckpoint(ckpt),
                ModelSource.metaGraph(Path.of("model.ckpt.index")),
                ModelSource.savedModel(Path.of("saved")).withTags(List.of("serve", "gpu")),
                ModelSource.savedModel(Path.of("saved")).withCheckpoint(ckpt));
        for (ModelSource source : sources) {
            assertEquals(source, parsed(ModelOptions.arguments(source)), ModelOptions.arguments(source).toString());
        }
    }

    @Test
    void summarizeGraphsInputMetaIsWrittenAsMosInputMetaGraph() {
        ModelSource meta = ModelSource.graphFile(Path.of("graph.meta")).readAsMetaGraph();
        assertEquals(List.of("--input_meta_graph", "graph.meta"), ModelOptions.arguments(meta));
        assertEquals(Path.of("graph.meta"), parsed(ModelOptions.arguments(meta)).inputMetaGraph());
    }

    @Test
    void noModelIsAUsageError() {
        assertThrows(CommandLine.ParameterException.class, () -> parsed(List.of("--input_checkpoint", "c")));
    }
}
