package dev.tfir.summarize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * --json: every input and output entry of every graph in testdata/shapes must carry the dtype and shape that
 * TensorFlow itself gave that tensor when it built the graph (the .shapes.txt goldens, written by
 * tools/models/make_shape_fixtures.py).
 */
class JsonReportTest {
    private static final Pattern ENTRY = Pattern.compile(
            "\\{\"name\": \"([^\"]+)\", (?:\"op\": \"[^\"]+\", )?\"dtype\": \"([a-z0-9_]+)\", \"shape\": \\[([-0-9, ]*)]}");

    static Stream<Path> graphs() throws IOException {
        try (Stream<Path> files = Files.list(TestData.repo().resolve("testdata/shapes"))) {
            List<Path> graphs = files.filter(f -> f.toString().endsWith(".pb")).sorted().toList();
            assertTrue(graphs.size() >= 10, "shape fixtures: " + graphs);
            return graphs.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void inputsAndOutputsCarryTensorFlowsTypes(Path graph) throws IOException {
        Map<String, String> tensorflow = goldens(Path.of(graph.toString().replace(".pb", ".shapes.txt")));
        Cli result = Cli.run("--input_model", graph.toString(), "--json");
        assertEquals(0, result.exitCode(), result.err());
        Matcher entry = ENTRY.matcher(result.out());
        int checked = 0;
        while (entry.find()) {
            String ours = entry.group(2) + " [" + entry.group(3).replace(" ", "") + "]";
            assertEquals(tensorflow.get(entry.group(1) + ":0"), ours, entry.group(1));
            checked++;
        }
        assertTrue(checked >= 2, "entries with dtype and shape in " + result.out());
    }

    @Test
    void unknownRankIsNull() {
        Cli result = Cli.run("--input_model", TestData.model("dtypes_shapes.pb").toString(), "--json");
        assertTrue(result.out().contains("{\"name\": \"text_string\", \"dtype\": \"string\", \"shape\": null}"),
                result.out());
    }

    private static Map<String, String> goldens(Path file) throws IOException {
        Map<String, String> types = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] parts = line.split(" ");
            types.put(parts[0], parts[1] + " " + parts[2]);
        }
        return types;
    }
}
