package dev.tfir.convert.translate;

import static dev.tfir.convert.Conversions.layers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.graph.TensorRef;
import dev.tfir.common.model.ModelSource;
import dev.tfir.common.testing.TestData;
import dev.tfir.convert.Conversions;
import dev.tfir.convert.GraphBuilder;
import dev.tfir.convert.options.InputSpec;
import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.ir.IrModel;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.pipeline.Conversion;
import dev.tfir.convert.pipeline.ConversionRequest;
import dev.tfir.convert.pipeline.Converter;
import dev.tfir.convert.pipeline.ModelInput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.DataType;

/**
 * TF1 conditionals (testdata/convert/cond/, real TensorFlow: tools/models/make_cond_models.py): a constant predicate
 * prunes the branch never taken, a runtime one becomes an If that runs the side taken, other forms are refused
 * naming the Merge.
 * conformance/cond/run.py runs the same models in OpenVINO against TensorFlow.
 */
class ConditionalsTest {
    @TempDir
    Path dir;

    private static Path model(String name) {
        return TestData.repo().resolve("testdata/convert/cond/" + name);
    }

    private static List<String> inputNames(Conversion conversion) {
        return conversion.inputs().stream().map(ModelInput::name).toList();
    }

    @Test
    void aRuntimePredicateRunsTheSideItTakesInAnIf() {
        Conversion conversion = Conversions.convert(model("cond_runtime.pb"), null);
        assertEquals(List.of("input", "flag"), inputNames(conversion));
        assertEquals(List.of(new TensorRef("output", 0, false)), conversion.outputs(),
                "switch_t/switch_f (waited on by the branches' constants) are no outputs, as in mo and ovc");
        List<Node> ifs = layers(conversion.model(), "If");
        assertEquals(1, ifs.size());
        assertTrue(layers(conversion.model(), "Select").isEmpty());
        assertTrue(layers(conversion.model(), "Tanh").isEmpty() && layers(conversion.model(), "Multiply").isEmpty(),
                "the sides are computed in the If's bodies only");
        assertEquals(1, layers(body(ifs.get(0), 0), "Multiply").size(), "x * 2 + 1 when the flag is true");
        assertEquals(1, layers(body(ifs.get(0), 1), "Tanh").size(), "tanh(x) - 0.5 when it is false");
        assertEquals("1 Merge on a runtime predicate, an If of its two sides", conversion.conditionals());
    }

    private static IrModel body(Node conditional, int index) {
        return conditional.subGraphs().get(index).graph();
    }

    @Test
    void nestedConditionalsBecomeNestedIfs() {
        Conversion conversion = Conversions.convert(model("cond_nested.pb"), null);
        assertEquals(List.of("input", "a", "b"), inputNames(conversion));
        List<Node> outer = layers(conversion.model(), "If");
        assertEquals(1, outer.size());
        assertEquals(1, layers(body(outer.get(0), 0), "If").size(), "the inner tf.cond is the outer's true side");
        assertTrue(layers(body(outer.get(0), 1), "If").isEmpty());
    }

    @Test
    void aTf2CondLoweredByFreezingIsAnIfToo() {
        Conversion conversion = Conversions.convert(model("cond_tf2_lowered.pb"), null);
        assertEquals(List.of(new TensorRef("Identity", 0, false)), conversion.outputs());
        assertEquals(1, layers(conversion.model(), "If").size());
    }

    @Test
    void aConstantPredicatePrunesTheBranchNeverTaken() {
        Conversion conversion = Conversions.convert(model("cond_const.pb"), null);
        assertEquals(List.of("input"), inputNames(conversion));
        assertTrue(layers(conversion.model(), "Select").isEmpty());
        assertEquals(1, layers(conversion.model(), "Exp").size());
        // the Switch of x and the pivots' Switch of the predicate, which the branch constants hang on
        assertTrue(conversion.conditionals().startsWith("2 Switches on a constant predicate, "),
                "the false branch's Igamma, which convert cannot translate, is not translated: "
                        + conversion.conditionals());
    }

    @Test
    void anUnfedPlaceholderWithDefaultIsFrozenToItsDefaultAndSaysSo() {
        for (ModelSource source : List.of(ModelSource.graphFile(model("is_training_default.pb")),
                ModelSource.savedModel(model("is_training_saved_model")))) {
            Conversion conversion = new Converter().convert(ConversionRequest.of(source).compressToFp16(false)
                    .modelName("model").build());
            assertEquals(List.of("images"), inputNames(conversion));
            assertTrue(layers(conversion.model(), "Select").isEmpty());
            assertTrue(conversion.conditionals().contains("PlaceholderWithDefault 'is_training' is not an input: "
                    + "frozen to its default false, as mo does"), conversion.conditionals());
        }
    }

    @Test
    void anInputFrozenWithAValueDecidesThePredicate() {
        Conversion conversion = Conversions.convert(model("is_training_default.pb"),
                InputSpec.parseList("images,is_training->False"), List.of());
        assertTrue(layers(conversion.model(), "Select").isEmpty());
        assertTrue(conversion.conditionals().startsWith("6 Switches on a constant predicate"),
                conversion.conditionals());
    }

    @Test
    void aGraphWithoutConditionalsSaysNothingOfThem() {
        assertNull(Conversions.convert(TestData.repo().resolve("testdata/convert/softsign.pb"), null)
                .conditionals());
    }

    private Path switched(GraphBuilder graph) throws IOException {
        return graph.write(dir.resolve("switched.pb"));
    }

    /** x [1, 4] switched by a runtime predicate (a < b, scalars); 'neg' negates its true side. */
    private static GraphBuilder switchedGraph() {
        return new GraphBuilder().placeholder("x", 1, 4).placeholder("a").placeholder("b")
                .op("pred", "Less", Map.of(), "a", "b").op("switch", "Switch", Map.of(), "x", "pred")
                .op("neg", "Neg", Map.of(), "switch:1");
    }

    @Test
    void constantBranchesReachTheirPredicateByControlEdgesOnly() throws IOException {
        // x * tf.cond(a < b, lambda: 0.5, lambda: 2.0), lowered: each constant under a control edge of its side
        Path model = switched(new GraphBuilder().placeholder("x", 1, 4).placeholder("a").placeholder("b")
                .floats("half", new long[0], 0.5f).floats("two", new long[0], 2f)
                .op("pred", "Less", Map.of(), "a", "b")
                .op("switch", "Switch", Map.of("T", GraphBuilder.type(DataType.DT_BOOL)), "pred", "pred")
                .op("switch_t", "Identity", Map.of("T", GraphBuilder.type(DataType.DT_BOOL)), "switch:1")
                .op("switch_f", "Identity", Map.of("T", GraphBuilder.type(DataType.DT_BOOL)), "switch")
                .op("then", "Identity", Map.of(), "half", "^switch_t")
                .op("else", "Identity", Map.of(), "two", "^switch_f")
                .op("merge", "Merge", Map.of("N", GraphBuilder.integer(2)), "else", "then")
                .op("out", "Mul", Map.of(), "x", "merge"));
        Conversion conversion = Conversions.convert(model, List.of(), List.of("out"));
        assertEquals(1, layers(conversion.model(), "Select").size());
    }

    @Test
    void aMergeOfAValueOutsideTheConditionalIsRefused() throws IOException {
        Path model = switched(switchedGraph().op("merge", "Merge", Map.of("N", GraphBuilder.integer(2)), "neg", "x")
                .op("out", "Identity", Map.of(), "merge"));
        ConversionException e = assertThrows(ConversionException.class,
                () -> Conversions.convert(model, List.of(), List.of("out")));
        assertTrue(e.getMessage().startsWith("Merge 'merge' joins values that are not the two sides of one tf.cond"),
                e.getMessage());
    }

    @Test
    void aMergeOfThreeLiveValuesIsRefused() throws IOException {
        Path model = switched(switchedGraph().op("merge", "Merge", Map.of("N", GraphBuilder.integer(3)), "neg",
                "switch", "x").op("out", "Identity", Map.of(), "merge"));
        ConversionException e = assertThrows(ConversionException.class,
                () -> Conversions.convert(model, List.of(), List.of("out")));
        assertTrue(e.getMessage().startsWith("Merge 'merge' joins 3 live values"), e.getMessage());
    }

    @Test
    void aMergeWhoseValueIndexIsUsedSaysItIsNotProduced() throws IOException {
        Path model = switched(switchedGraph().op("merge", "Merge", Map.of("N", GraphBuilder.integer(2)), "switch",
                "neg").op("out", "Identity", Map.of(), "merge:1"));
        ConversionException e = assertThrows(ConversionException.class,
                () -> Conversions.convert(model, List.of(), List.of("out")));
        assertTrue(e.getMessage().contains("output 1 of Merge 'merge' is used, but its translation does not "
                + "produce it"), e.getMessage());
    }

    @Test
    void aConstPredicateWithoutAValueIsNamedByItsTranslation() throws IOException {
        Path model = switched(new GraphBuilder().placeholder("x", 1, 4)
                .op("pred", "Const", Map.of("dtype", GraphBuilder.type(DataType.DT_BOOL)))
                .op("switch", "Switch", Map.of(), "x", "pred").op("out", "Neg", Map.of(), "switch:1"));
        ConversionException e = assertThrows(ConversionException.class,
                () -> Conversions.convert(model, List.of(), List.of("out")));
        assertTrue(e.getMessage().contains("Const 'pred' holds no value"), e.getMessage());
    }

    @Test
    void aComparisonOfAFrozenDefaultIsAConstantPredicate() throws IOException {
        // mode = PlaceholderWithDefault(2); tf.cond(mode == 2, neg, a Zeta convert cannot translate)
        Path model = switched(new GraphBuilder().placeholder("x", 1, 4).ints("two", new long[0], 2)
                .op("mode", "PlaceholderWithDefault", Map.of("dtype", GraphBuilder.type(DataType.DT_INT32)), "two")
                .op("pred", "Equal", Map.of("T", GraphBuilder.type(DataType.DT_INT32)), "mode", "two")
                .op("switch", "Switch", Map.of(), "x", "pred").op("neg", "Neg", Map.of(), "switch:1")
                .op("zeta", "Zeta", Map.of(), "switch", "switch")
                .op("merge", "Merge", Map.of("N", GraphBuilder.integer(2)), "zeta", "neg")
                .op("out", "Identity", Map.of(), "merge"));
        Conversion conversion = Conversions.convert(model, List.of(), List.of("out"));
        assertEquals(1, layers(conversion.model(), "Negative").size());
        assertTrue(conversion.conditionals().contains("PlaceholderWithDefault 'mode' is not an input: frozen to its "
                + "default 2"), conversion.conditionals());
    }

    @Test
    void branchesOfDifferentShapesGiveTheShapeOfTheSideTaken() {
        Conversion conversion = Conversions.convert(model("cond_shapes_differ.pb"), null);
        Node conditional = layers(conversion.model(), "If").get(0);
        assertEquals("[-1, -1]", conversion.model().results().get(0).input(0).shape().toString(),
                "[None, 1] or [None, 4]: " + conditional);
    }

    @Test
    void branchesOfDifferentRanksAreRefusedNamingTheMerge() {
        ConversionException e = assertThrows(ConversionException.class,
                () -> Conversions.convert(model("cond_ranks_differ.pb"), null));
        assertTrue(e.getMessage().startsWith("Merge 'branch/Merge': joins values of shapes [-1] (true side) and "
                + "[-1, 4] (false side); an OpenVINO If's output keeps one rank"), e.getMessage());
    }
}
