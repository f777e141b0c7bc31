package dev.tfir.summarize.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tfir.common.model.ModelLoader;
import dev.tfir.common.model.ModelSource;
import dev.tfir.common.testing.TestData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jline.reader.Candidate;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tab completion on the TF-Slim Inception V1 inference graph: commands, scopes a level at a time, options. */
class NodeCompleterTest {
    private static NodeCompleter completer;

    @BeforeAll
    static void load() {
        ModelSource source = ModelSource.graphFile(TestData.model("inception_v1_inference_graph.pb"));
        GraphSession session = new GraphSession(source, ModelLoader.load(source));
        Map<String, ShellCommand> commands = new LinkedHashMap<>();
        for (List<ShellCommand> family : List.of(NodeCommands.all(), SearchCommands.all(), CutCommands.all(),
                ConvertCommands.all())) {
            family.forEach(command -> commands.put(command.name(), command));
        }
        completer = new NodeCompleter(session, commands);
    }

    private static List<String> complete(String line) {
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, new DefaultParser().parse(line, line.length()), candidates);
        return candidates.stream().map(Candidate::value).toList();
    }

    @Test
    void commandNames() {
        assertEquals(List.of("consts", "cut", "convert"), complete("c"));
    }

    @Test
    void nodeNamesOneScopeLevelAtATime() {
        assertEquals(List.of("InceptionV1/"), complete("show Incep"));
        assertEquals(List.of("InceptionV1/Logits/Predictions/Reshape", "InceptionV1/Logits/Predictions/Reshape/",
                "InceptionV1/Logits/Predictions/Reshape_1", "InceptionV1/Logits/Predictions/Shape",
                "InceptionV1/Logits/Predictions/Softmax"), complete("show InceptionV1/Logits/Predictions/"));
        assertEquals(List.of("input"), complete("path inp"));
    }

    @Test
    void opTypesAndOptions() {
        assertEquals(List.of("Shape", "Softmax", "Squeeze"), complete("ops S"));
        assertEquals(List.of("--input", "--output"), complete("cut --"));
        assertEquals(List.of("--compress_to_fp16"), complete("convert --comp"));
    }
}
