package dev.tfir.common.infer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.graph.TensorRef;
import dev.tfir.common.graph.TfGraph;
import dev.tfir.common.infer.ShapeGoldens.Golden;
import dev.tfir.common.types.DTypes;
import dev.tfir.common.types.PartialShape;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * Compares {@link ShapeInference} with the dtypes and shapes TensorFlow itself infers for the fixture graphs of
 * testdata/shapes/: every node output must match. An output we leave less specific than TensorFlow is tolerated only
 * for the ops of {@link #NOT_MODELLED} and for nodes that read such a tolerated output; any other difference fails.
 */
class GoldenShapesTest {
    /**
     * Ops outside the modelled families, whose outputs may stay unknown: in the unmodelled_ops fixture, and the
     * tf.data datasets of the input_pipeline one (an iterator's source, which conversion never reads).
     */
    private static final Set<String> NOT_MODELLED = Set.of("ResizeBilinear", "TopKV2", "TensorSliceDataset",
            "BatchDatasetV2");

    @TestFactory
    Stream<DynamicTest> everyOutputMatchesTensorFlow() {
        List<String> fixtures = ShapeGoldens.fixtures();
        assertFalse(fixtures.isEmpty(), "no fixtures in testdata/shapes");
        return fixtures.stream().map(name -> DynamicTest.dynamicTest(name, () -> check(name)));
    }

    private static void check(String fixture) throws Exception {
        GraphDef graphDef = GraphDef.parseFrom(Files.readAllBytes(ShapeGoldens.graph(fixture)));
        TfGraph graph = new TfGraph(graphDef, fixture);
        ShapeInference inference = ShapeInference.of(graph);
        List<Golden> goldens = ShapeGoldens.goldens(fixture);
        List<String> failures = new ArrayList<>();
        Set<String> tolerated = new HashSet<>();
        Map<String, Integer> outputCounts = new LinkedHashMap<>();
        for (Golden golden : goldens) {
            outputCounts.merge(golden.node(), 1, Integer::sum);
            NodeDef node = graph.node(graph.indexOf(golden.node()));
            String op = node.getOp();
            TensorType ours = inference.output(golden.node(), golden.port());
            String ourDtype = DTypes.pythonName(ours.dtype());
            String ourShape = text(ours.shape());
            if (ourDtype.equals(golden.dtype()) && ourShape.equals(golden.shape())) {
                continue;
            }
            boolean lessSpecific = (ourDtype.equals(golden.dtype()) || ourDtype.equals("invalid"))
                    && generalizes(ourShape, golden.shape());
            if (lessSpecific && (NOT_MODELLED.contains(op) || readsAny(node, tolerated))) {
                tolerated.add(golden.node() + ":" + golden.port());
            } else {
                failures.add(String.format("%s:%d (%s): TensorFlow %s %s, ours %s %s%s", golden.node(),
                        golden.port(), op, golden.dtype(), golden.shape(), ourDtype, ourShape,
                        lessSpecific ? " (less specific)" : ""));
            }
        }
        outputCounts.forEach((node, count) -> {
            int ours = inference.outputs(node).size();
            if (ours != count) {
                failures.add(node + ": TensorFlow has " + count + " outputs, ours " + ours);
            }
        });
        System.out.printf("shape goldens %-28s %5d outputs compared, %d matched, %d tolerated, %d failed%n",
                fixture, goldens.size(), goldens.size() - tolerated.size() - failures.size(), tolerated.size(),
                failures.size());
        assertTrue(failures.isEmpty(), fixture + ": " + failures.size() + " outputs differ from TensorFlow:\n  "
                + String.join("\n  ", failures));
    }

    private static boolean readsAny(NodeDef node, Set<String> outputs) {
        return node.getInputList().stream().map(TensorRef::parse)
                .anyMatch(ref -> !ref.control() && outputs.contains(ref.node() + ":" + ref.port()));
    }

    /** The golden file's notation: {@code [1,-1,3]}, {@code []}, or {@code ?} for an unknown rank. */
    static String text(PartialShape shape) {
        return shape.hasRank() ? shape.toString().replace(" ", "") : "?";
    }

    /** True when shape {@code ours} is compatible with and no more specific than {@code theirs}. */
    private static boolean generalizes(String ours, String theirs) {
        if (ours.equals("?")) {
            return true;
        }
        String[] a = ours.replaceAll("[\\[\\]]", "").split(",", -1);
        String[] b = theirs.replaceAll("[\\[\\]]", "").split(",", -1);
        if (theirs.equals("?") || a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (!a[i].equals("-1") && !a[i].equals(b[i])) {
                return false;
            }
        }
        return true;
    }
}
