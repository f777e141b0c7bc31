package dev.tfir.common.infer;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import dev.tfir.common.graph.TfGraph;
import dev.tfir.common.infer.ShapeGoldens.Golden;
import dev.tfir.common.types.PartialShape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/** The API around the rules: input shape overrides, {@code _output_shapes}, Const decoding, robustness. */
class ShapeInferenceTest {
    private static final TensorType FLOAT_UNKNOWN = TensorType.unknownShape(DataType.DT_FLOAT);

    @Test
    void batchOverrideGivesTensorFlowsBatchOneShapes() throws Exception {
        ShapeInference inference = ShapeInference.of(fixture("slim_inception_v1_inference_bnone"),
                Map.of("input", PartialShape.of(1, 224, 224, 3)));
        List<Golden> goldens = ShapeGoldens.goldens("slim_inception_v1_b1");
        assertAll(goldens.stream().map(golden -> () -> assertEquals(golden.shape(),
                GoldenShapesTest.text(inference.output(golden.node(), golden.port()).shape()),
                golden.node() + ":" + golden.port())));
    }

    @Test
    void recordedOutputShapesFillWhatNoRuleKnows() throws Exception {
        ShapeInference inference = ShapeInference.of(fixture("unmodelled_ops_output_shapes"));
        List<Golden> goldens = ShapeGoldens.goldens("unmodelled_ops_output_shapes");
        assertAll(goldens.stream().map(golden -> () -> assertEquals(golden.shape(),
                GoldenShapesTest.text(inference.output(golden.node(), golden.port()).shape()),
                golden.node() + ":" + golden.port())));
    }

    @Test
    void recordedShapeDoesNotOverrideAnInferredOneOfAnotherRank() {
        NodeDef relu = node("relu", "Relu", "x").putAttr("T", type(DataType.DT_FLOAT))
                .putAttr("_output_shapes", AttrValue.newBuilder().setList(AttrValue.ListValue.newBuilder()
                        .addShape(shapeProto(7))).build()).build();
        ShapeInference inference = ShapeInference.of(graph(placeholder("x", -1, 3), relu));
        assertEquals(PartialShape.of(-1, 3), inference.output("relu", 0).shape());
    }

    @Test
    void constValuesAreDecodedFromContentAndFromSplats() {
        ByteBuffer int64Content = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(4).putLong(6);
        ShapeInference inference = ShapeInference.of(graph(placeholder("x", 2, 3, 4), placeholder("y", 8),
                constant("splat", TensorProto.newBuilder().setDtype(DataType.DT_INT32).setTensorShape(shapeProto(3))
                        .addIntVal(2)),
                reshape("from_splat", "y", "splat"),
                constant("content", TensorProto.newBuilder().setDtype(DataType.DT_INT64).setTensorShape(shapeProto(2))
                        .setTensorContent(ByteString.copyFrom(int64Content.array()))),
                reshape("from_content", "x", "content"),
                constant("listed", TensorProto.newBuilder().setDtype(DataType.DT_INT64).setTensorShape(shapeProto(3))
                        .addInt64Val(1).addInt64Val(-1).addInt64Val(2)),
                reshape("from_list", "x", "listed")));
        assertEquals(PartialShape.of(2, 2, 2), inference.output("from_splat", 0).shape());
        assertEquals(PartialShape.of(4, 6), inference.output("from_content", 0).shape());
        assertEquals(PartialShape.of(1, 12, 2), inference.output("from_list", 0).shape());
    }

    @Test
    void indexResizeAndEinsumOpsHaveTensorFlowsShapes() {
        ShapeInference inference = ShapeInference.of(graph(placeholder("x", 1, 4, 6, 8),
                constant("pairs", TensorProto.newBuilder().setDtype(DataType.DT_INT32).setTensorShape(shapeProto(3, 2))
                        .addIntVal(0).addIntVal(1).addIntVal(0).addIntVal(2).addIntVal(0).addIntVal(3)),
                constant("size", TensorProto.newBuilder().setDtype(DataType.DT_INT32).setTensorShape(shapeProto(2))
                        .addIntVal(7).addIntVal(9)),
                constant("k", TensorProto.newBuilder().setDtype(DataType.DT_INT32).setTensorShape(shapeProto())
                        .addIntVal(3)),
                node("gathered", "GatherNd", "x", "pairs").putAttr("Tparams", type(DataType.DT_FLOAT)).build(),
                node("resized", "ResizeBilinear", "x", "size").putAttr("T", type(DataType.DT_FLOAT)).build(),
                node("top", "TopKV2", "x", "k").putAttr("T", type(DataType.DT_FLOAT)).build(),
                node("space", "DepthToSpace", "x").putAttr("T", type(DataType.DT_FLOAT))
                        .putAttr("block_size", AttrValue.newBuilder().setI(2).build()).build(),
                node("hot", "OneHot", "pairs", "k", "k", "k").putAttr("T", type(DataType.DT_INT32))
                        .putAttr("axis", AttrValue.newBuilder().setI(0).build()).build(),
                node("heads", "Einsum", "x", "x").putAttr("T", type(DataType.DT_FLOAT)).putAttr("equation",
                        AttrValue.newBuilder().setS(ByteString.copyFromUtf8("abcd,abed->acbe")).build()).build()));
        assertEquals(PartialShape.of(3, 6, 8), inference.output("gathered", 0).shape());
        assertEquals(PartialShape.of(1, 7, 9, 8), inference.output("resized", 0).shape());
        assertEquals(PartialShape.of(1, 4, 6, 3), inference.output("top", 1).shape());
        assertEquals(DataType.DT_INT32, inference.output("top", 1).dtype());
        assertEquals(PartialShape.of(1, 8, 12, 2), inference.output("space", 0).shape());
        assertEquals(PartialShape.of(3, 3, 2), inference.output("hot", 0).shape());
        assertEquals(PartialShape.of(1, 6, 4, 6), inference.output("heads", 0).shape());
    }

    @Test
    void bitcastAddsOrTakesADimForAnotherWidth() {
        ShapeInference inference = ShapeInference.of(graph(placeholder("x", 2, 4),
                node("same", "Bitcast", "x").putAttr("T", type(DataType.DT_FLOAT))
                        .putAttr("type", type(DataType.DT_INT32)).build(),
                node("bytes", "Bitcast", "x").putAttr("T", type(DataType.DT_FLOAT))
                        .putAttr("type", type(DataType.DT_UINT8)).build(),
                node("words", "Bitcast", "x").putAttr("T", type(DataType.DT_INT16))
                        .putAttr("type", type(DataType.DT_INT64)).build()));
        assertEquals(PartialShape.of(2, 4), inference.output("same", 0).shape());
        assertEquals(DataType.DT_INT32, inference.output("same", 0).dtype());
        assertEquals(PartialShape.of(2, 4, 4), inference.output("bytes", 0).shape());
        assertEquals(PartialShape.of(2), inference.output("words", 0).shape());
    }

    @Test
    void unknownOpsGiveUnknownOutputsForEveryPortRead() {
        ShapeInference inference = ShapeInference.of(graph(placeholder("x", 2), node("mystery", "NoSuchOp", "x")
                .build(), node("reader", "Identity", "mystery:2").putAttr("T", type(DataType.DT_FLOAT)).build()));
        assertEquals(List.of(TensorType.unknown(), TensorType.unknown(), TensorType.unknown()),
                inference.outputs("mystery"));
        assertEquals(FLOAT_UNKNOWN, inference.output("reader", 0));
    }

    @Test
    void malformedAttrsGiveUnknownOutputs() {
        NodeDef conv = node("conv", "Conv2D", "x", "x").putAttr("T", type(DataType.DT_FLOAT))
                .putAttr("strides", AttrValue.newBuilder().setS(ByteString.copyFromUtf8("oops")).build())
                .putAttr("padding", AttrValue.newBuilder().setS(ByteString.copyFromUtf8("SAME")).build()).build();
        NodeDef squeeze = node("squeeze", "Squeeze", "x").putAttr("T", type(DataType.DT_FLOAT))
                .putAttr("squeeze_dims", AttrValue.newBuilder().setList(AttrValue.ListValue.newBuilder().addI(9))
                        .build()).build();
        ShapeInference inference = ShapeInference.of(graph(placeholder("x", 1, 2, 2, 1), conv, squeeze));
        assertEquals(List.of(TensorType.unknown()), inference.outputs("conv"));
        assertEquals(List.of(TensorType.unknown()), inference.outputs("squeeze"));
    }

    @Test
    void missingPortsAndNamesAreHandled() {
        TfGraph graph = graph(placeholder("x", 2));
        ShapeInference inference = ShapeInference.of(graph);
        assertEquals(TensorType.unknown(), inference.output("x", 5));
        assertThrows(IllegalArgumentException.class, () -> inference.outputs("nope"));
        assertThrows(IllegalArgumentException.class, () -> ShapeInference.of(graph, Map.of("nope", PartialShape.of())));
    }

    @Test
    void scatterOpsHaveTensorFlowsShapes() {
        ShapeInference inference = ShapeInference.of(graph(placeholder("x", 5, 3), placeholder("dynamic", -1, 3),
                constant("rows", TensorProto.newBuilder().setDtype(DataType.DT_INT32).setTensorShape(shapeProto(2, 1))
                        .addIntVal(3).addIntVal(0)),
                constant("table", TensorProto.newBuilder().setDtype(DataType.DT_FLOAT).setTensorShape(shapeProto(6, 4))
                        .addFloatVal(0)),
                node("where", "Where", "x").putAttr("T", type(DataType.DT_FLOAT)).build(),
                node("shape", "Shape", "dynamic").putAttr("T", type(DataType.DT_FLOAT)).build(),
                node("scattered", "ScatterNd", "rows", "x", "shape").putAttr("T", type(DataType.DT_FLOAT)).build(),
                node("updated", "TensorScatterMax", "dynamic", "rows", "x").putAttr("T", type(DataType.DT_FLOAT))
                        .build(),
                node("embedded", "ResourceGather", "table", "rows").putAttr("dtype", type(DataType.DT_FLOAT))
                        .build()));
        assertEquals(PartialShape.of(-1, 2), inference.output("where", 0).shape());
        assertEquals(DataType.DT_INT64, inference.output("where", 0).dtype());
        assertEquals(PartialShape.of(-1, 3), inference.output("scattered", 0).shape());
        assertEquals(PartialShape.of(-1, 3), inference.output("updated", 0).shape());
        assertEquals(PartialShape.of(2, 1, 4), inference.output("embedded", 0).shape());
        ShapeInference more = ShapeInference.of(graph(placeholder("x", 5, 3), placeholder("dynamic", -1, 3),
                constant("ids", TensorProto.newBuilder().setDtype(DataType.DT_INT32).setTensorShape(shapeProto(5))
                        .addIntVal(0)),
                constant("four", TensorProto.newBuilder().setDtype(DataType.DT_INT32).setTensorShape(shapeProto())
                        .addIntVal(4)),
                node("shape", "Shape", "dynamic").putAttr("T", type(DataType.DT_FLOAT)).build(),
                node("sums", "UnsortedSegmentSum", "x", "ids", "four").putAttr("T", type(DataType.DT_FLOAT)).build(),
                node("sorted", "SegmentSum", "x", "ids").putAttr("T", type(DataType.DT_FLOAT)).build(),
                node("unique", "UniqueWithCounts", "ids").putAttr("T", type(DataType.DT_INT32)).build(),
                node("rolled", "Roll", "dynamic", "four", "four").putAttr("T", type(DataType.DT_FLOAT)).build(),
                node("broadcast", "BroadcastTo", "x", "shape").putAttr("T", type(DataType.DT_FLOAT)).build(),
                node("args", "BroadcastArgs", "shape", "ids").putAttr("T", type(DataType.DT_INT32)).build(),
                node("inverted", "Invert", "ids").putAttr("T", type(DataType.DT_INT32)).build(),
                node("diagonal", "MatrixDiag", "x").putAttr("T", type(DataType.DT_FLOAT)).build(),
                node("dense", "SparseToDense", "ids", "shape", "x", "four").putAttr("T", type(DataType.DT_FLOAT))
                        .build(),
                node("coordinates", "UnravelIndex", "ids", "shape").putAttr("Tidx", type(DataType.DT_INT32)).build()));
        assertEquals(PartialShape.of(5, 3, 3), more.output("diagonal", 0).shape());
        assertEquals(PartialShape.of(-1, 3), more.output("dense", 0).shape());
        assertEquals(PartialShape.of(2, 5), more.output("coordinates", 0).shape());
        assertEquals(PartialShape.of(5), more.output("inverted", 0).shape());
        assertEquals(PartialShape.of(4, 3), more.output("sums", 0).shape());
        assertEquals(PartialShape.of(-1, 3), more.output("sorted", 0).shape());
        assertEquals(PartialShape.of(5), more.output("unique", 1).shape());
        assertEquals(PartialShape.of(-1), more.output("unique", 2).shape());
        assertEquals(PartialShape.of(-1, 3), more.output("rolled", 0).shape());
        assertEquals(PartialShape.of(-1, 3), more.output("broadcast", 0).shape());
        assertEquals(PartialShape.of(5), more.output("args", 0).shape());
    }

    @Test
    void cropAndResizeGivesABoxPerCropOfTheImagesChannels() {
        ShapeInference inference = ShapeInference.of(graph(placeholder("image", -1, 6, 7, 3),
                placeholder("boxes", 5, 4), constant("indices", TensorProto.newBuilder().setDtype(DataType.DT_INT32)
                        .setTensorShape(shapeProto(5)).addIntVal(0)),
                constant("crop", TensorProto.newBuilder().setDtype(DataType.DT_INT32).setTensorShape(shapeProto(2))
                        .addIntVal(4).addIntVal(2)),
                node("crops", "CropAndResize", "image", "boxes", "indices", "crop").putAttr("T",
                        type(DataType.DT_FLOAT)).build(),
                node("area", "ResizeArea", "image", "crop").putAttr("T", type(DataType.DT_INT32)).build(),
                node("patches", "ExtractImagePatches", "image").putAttr("T", type(DataType.DT_FLOAT))
                        .putAttr("ksizes", ints(1, 3, 2, 1)).putAttr("strides", ints(1, 2, 2, 1))
                        .putAttr("rates", ints(1, 1, 1, 1)).putAttr("padding", AttrValue.newBuilder()
                                .setS(ByteString.copyFromUtf8("VALID")).build()).build()));
        assertEquals(PartialShape.of(-1, 2, 3, 18), inference.output("patches", 0).shape());
        assertEquals(PartialShape.of(5, 4, 2, 3), inference.output("crops", 0).shape());
        assertEquals(PartialShape.of(-1, 4, 2, 3), inference.output("area", 0).shape());
        assertEquals(DataType.DT_FLOAT, inference.output("area", 0).dtype());
    }

    private static TfGraph fixture(String name) throws Exception {
        return new TfGraph(GraphDef.parseFrom(Files.readAllBytes(ShapeGoldens.graph(name))), name);
    }

    private static TfGraph graph(NodeDef... nodes) {
        return new TfGraph(GraphDef.newBuilder().addAllNode(List.of(nodes)).build(), "test");
    }

    private static NodeDef.Builder node(String name, String op, String... inputs) {
        return NodeDef.newBuilder().setName(name).setOp(op).addAllInput(List.of(inputs));
    }

    private static NodeDef placeholder(String name, long... dims) {
        return node(name, "Placeholder").putAttr("dtype", type(DataType.DT_FLOAT))
                .putAttr("shape", AttrValue.newBuilder().setShape(shapeProto(dims)).build()).build();
    }

    private static NodeDef constant(String name, TensorProto.Builder value) {
        return node(name, "Const").putAttr("dtype", type(value.getDtype()))
                .putAttr("value", AttrValue.newBuilder().setTensor(value).build()).build();
    }

    private static NodeDef reshape(String name, String input, String shape) {
        return node(name, "Reshape", input, shape).putAttr("T", type(DataType.DT_FLOAT)).build();
    }

    private static AttrValue ints(long... values) {
        AttrValue.ListValue.Builder list = AttrValue.ListValue.newBuilder();
        for (long value : values) {
            list.addI(value);
        }
        return AttrValue.newBuilder().setList(list).build();
    }

    private static AttrValue type(DataType dtype) {
        return AttrValue.newBuilder().setType(dtype).build();
    }

    private static TensorShapeProto shapeProto(long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long dim : dims) {
            shape.addDim(TensorShapeProto.Dim.newBuilder().setSize(dim));
        }
        return shape.build();
    }
}
