package dev.tfir.convert.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tfir.common.graph.TensorRef;
import dev.tfir.common.model.ModelSource;
import dev.tfir.common.testing.TestData;
import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.Conversions;
import dev.tfir.convert.GraphBuilder;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.options.InputSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.NodeDef;

/** Default inputs and outputs as mo and ovc choose them: reached outputs by name, needed Placeholders. */
class ModelEndsTest {
    private static final Map<String, org.tensorflow.proto.AttrValue> NONE = Map.of();

    @TempDir
    Path dir;

    @Test
    void outputsOtherNodesWaitOnAreNoOutputsAsInMoAndOvc() {
        // control_dep_only.pb (real TensorFlow): side_effect and output are waited on (^side_effect, a tf.group);
        // mo 2024.6 and ovc 2026.4.1 both give 'checked' alone
        Conversion conversion = Conversions.convert(TestData.model("control_dep_only.pb"), null);
        assertEquals(List.of(new TensorRef("checked", 0, false)), conversion.outputs());
    }

    @Test
    void whenEveryOutputIsWaitedOnAllStay() throws IOException {
        Path model = new GraphBuilder().placeholder("input", 1, 4).op("a", "Neg", NONE, "input")
                .op("b", "Relu", NONE, "input").op("group", "NoOp", NONE, "^a", "^b").write(dir.resolve("group.pb"));
        assertEquals(List.of(new TensorRef("a", 0, false), new TensorRef("b", 0, false)),
                Conversions.convert(model, null).outputs());
    }

    @Test
    void sinksNoInputReachesAreLeftOutWhateverTheirOpType() throws IOException {
        // the weights feed the output and, like a regularizer, an L2Loss (no translator) and a Neg; neither is an
        // output mo keeps: no input reaches them
        Path model = new GraphBuilder().placeholder("input", 1, 4).floats("weights", new long[] {4, 2}, null)
                .op("out", "MatMul", NONE, "input", "weights")
                .op("weights/Regularizer/l2_loss", "L2Loss", NONE, "weights")
                .op("weights/negated", "Neg", NONE, "weights")
                .write(dir.resolve("sinks.pb"));

        Conversion conversion = Conversions.convert(model, null);

        assertEquals(List.of(new TensorRef("out", 0, false)), conversion.outputs());
        assertEquals(List.of("weights/Regularizer/l2_loss", "weights/negated"),
                conversion.unreached().stream().map(NodeDef::getName).toList());
    }

    @Test
    void aSummaryOfAnActivationIsNoOutputThoughTheInputReachesIt() throws IOException {
        Path model = new GraphBuilder().placeholder("input", 1, 4).op("act", "Relu", NONE, "input")
                .op("out", "Neg", NONE, "act").floats("tag", new long[] {}, 0f)
                .op("act_summary", "ScalarSummary", NONE, "tag", "act").write(dir.resolve("summary.pb"));

        Conversion conversion = Conversions.convert(model, null);

        assertEquals(List.of(new TensorRef("out", 0, false)), conversion.outputs());
    }

    @Test
    void theOutputsASavedModelsSignatureDeclaresAllStay() {
        Path dir = TestData.repo().resolve("testdata/convert/saved_model_constant_output");
        ConversionRequest request = ConversionRequest.of(ModelSource.savedModel(dir)).compressToFp16(false).build();

        Conversion conversion = new Converter().convert(request);

        // Identity: `scaled` (x * 2), Identity_1: `version` (a constant no input reaches)
        assertEquals(List.of("Identity", "Identity_1"), resultNames(conversion));
        assertEquals(List.of(), conversion.unreached());
    }

    @Test
    void withoutInputsTheSinksStay() throws IOException {
        Path model = new GraphBuilder().floats("weights", new long[] {4}, null).op("out", "Neg", NONE, "weights")
                .write(dir.resolve("constant.pb"));

        Conversion conversion = Conversions.convert(model, null);

        assertEquals(List.of(new TensorRef("out", 0, false)), conversion.outputs());
        assertEquals(List.of(), conversion.unreached());
    }

    @Test
    void defaultOutputsAreOrderedByNameAsMoAndOvcOrderThem() throws IOException {
        Path model = new GraphBuilder().placeholder("input", 1, 4).op("mul_1", "Neg", NONE, "input")
                .op("logits", "Relu", NONE, "input").op("head/aux", "Abs", NONE, "input")
                .op("head-b", "Abs", NONE, "input").op("Head", "Abs", NONE, "input")
                .write(dir.resolve("order.pb"));

        assertEquals(List.of("Head", "head-b", "head/aux", "logits", "mul_1"),
                resultNames(Conversions.convert(model, null)));
        assertEquals(List.of("mul_1", "head/aux"),
                resultNames(Conversions.convert(model, List.of(), List.of("mul_1", "head/aux"))));
    }

    @Test
    void placeholdersTheOutputsDoNotNeedAreNoInputs() throws IOException {
        Path model = new GraphBuilder().placeholder("x", -1, 12, 8)
                .op("unused_control_flow_input", "Placeholder", Map.of("dtype", GraphBuilder.type(DataType.DT_INT32)))
                .op("unread", "Placeholder", Map.of("dtype", GraphBuilder.type(DataType.DT_FLOAT)))
                .op("out", "Relu", NONE, "x").write(dir.resolve("unused.pb"));

        Conversion conversion = new Converter().convert(request(model, List.of(), List.of(PartialShape.of(1, 12, 8))));

        assertEquals(List.of("x"), conversion.inputs().stream().map(ModelInput::name).toList());
        assertEquals(PartialShape.of(1, 12, 8), conversion.inputs().get(0).shape());
        assertEquals(List.of("unused_control_flow_input", "unread"), conversion.unneeded());
        assertEquals(List.of(new TensorRef("out", 0, false)), conversion.outputs());
    }

    @Test
    void theOutputsOfATfDataIteratorAreInputs() {
        // tools/models/make_convert_models.py: a graph frozen with its tf.data pipeline (OneShotIterator ->
        // IteratorGetNext: features [None, 5], scales [None]); the dataset's nodes are no outputs (variants)
        Conversion conversion = new Converter().convert(request(TestData.repo().resolve(
                "testdata/convert/iterator_input.pb"), List.of(), List.of()));

        assertEquals(List.of("IteratorGetNext:0", "IteratorGetNext:1"),
                conversion.inputs().stream().map(ModelInput::name).toList());
        assertEquals(List.of(PartialShape.of(-1, 5), PartialShape.of(-1)),
                conversion.inputs().stream().map(ModelInput::shape).toList());
        assertEquals(List.of(new TensorRef("out", 0, false)), conversion.outputs());
        assertEquals(2, conversion.model().parameters().size());
    }

    @Test
    void theDequeuedTensorsOfTf1QueuesAreInputs() {
        // tools/models/make_convert_models.py: train.shuffle_batch (RandomShuffleQueueV2 -> QueueDequeueManyV2 of
        // n = 2: images [5] and int32 labels []) and a FIFOQueue's single dequeue of a scalar; no _output_shapes
        Conversion conversion = new Converter().convert(request(TestData.repo().resolve(
                "testdata/convert/queue_input.pb"), List.of(), List.of()));

        assertEquals(List.of("shuffle_batch:0", "shuffle_batch:1", "scale:0"),
                conversion.inputs().stream().map(ModelInput::name).toList());
        assertEquals(List.of(PartialShape.of(2, 5), PartialShape.of(2), PartialShape.of()),
                conversion.inputs().stream().map(ModelInput::shape).toList());
        assertEquals(List.of(ElementType.F32, ElementType.I32, ElementType.F32),
                conversion.inputs().stream().map(ModelInput::type).toList());
        assertEquals(List.of(new TensorRef("out", 0, false)), conversion.outputs());
    }

    @Test
    void aDequeueOfUpToNElementsHasAnUnknownBatch() {
        // train.batch(allow_smaller_final_batch=True): FIFOQueueV2 -> QueueDequeueUpToV2 of up to 4 elements [5]
        Conversion conversion = new Converter().convert(request(TestData.repo().resolve(
                "testdata/convert/queue_up_to_input.pb"), List.of(), List.of()));

        assertEquals(List.of("batch:0"), conversion.inputs().stream().map(ModelInput::name).toList());
        assertEquals(List.of(PartialShape.of(-1, 5)), conversion.inputs().stream().map(ModelInput::shape).toList());
    }

    @Test
    void aPlaceholderTheOutputsStillNeedIsAFurtherInput() throws IOException {
        Path model = new GraphBuilder().placeholder("input", -1, 4).placeholder("input_1", 1, 4)
                .op("relu", "Relu", NONE, "input").op("mul", "Neg", NONE, "relu")
                .op("out", "AddV2", NONE, "mul", "input_1").write(dir.resolve("cut.pb"));

        Conversion conversion = new Converter().convert(request(model, InputSpec.parseList("0:mul"),
                List.of(PartialShape.of(1, 4))));

        assertEquals(List.of("0:mul", "input_1"), conversion.inputs().stream().map(ModelInput::name).toList());
        assertEquals(List.of(PartialShape.of(1, 4), PartialShape.of(1, 4)),
                conversion.inputs().stream().map(ModelInput::shape).toList());
        assertEquals(List.of("input_1"), conversion.furtherInputs());
        assertEquals(2, conversion.model().parameters().size());
    }

    private static ConversionRequest request(Path model, List<InputSpec> inputs, List<PartialShape> shapes) {
        return ConversionRequest.of(ModelSource.graphFile(model)).inputs(inputs).inputShapes(shapes)
                .compressToFp16(false).build();
    }

    private static List<String> resultNames(Conversion conversion) {
        return conversion.model().results().stream().map(Node::name).map(n -> n.substring(0, n.lastIndexOf(':')))
                .toList();
    }
}
