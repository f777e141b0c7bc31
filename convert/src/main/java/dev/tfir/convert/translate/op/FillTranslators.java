package dev.tfir.convert.translate.op;

import dev.tfir.common.infer.Shapes;
import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Constants;
import dev.tfir.convert.ops.Elementwise;
import dev.tfir.convert.ops.Movement;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.TfTensor;
import java.util.Arrays;
import java.util.List;

/**
 * Ops that make tensors of a given shape: Fill (a value broadcast to constant dims), ZerosLike, OnesLike, Rank,
 * Range, LinSpace, Tile, BroadcastTo, BroadcastArgs.
 */
public final class FillTranslators {
    /** The most elements a Range is computed into at conversion. */
    private static final long RANGE_LIMIT = 1 << 24;

    private FillTranslators() {}

    /**
     * Fill: the scalar value (input 1) broadcast to the dims (input 0), as Broadcast-3; dims computed at run time
     * (a batch of zero states: Fill(Pack(batch, units), 0)) give unknown dims.
     */
    /** RandomUniform: values in [0, 1) of the dtype attr; see {@link #randomUniformInt}. */
    public static List<TfTensor> randomUniform(NodeContext node) {
        ElementType type = node.type("dtype");
        node.require(type != null && type.isFloating(), "needs a floating-point dtype");
        return List.of(TfTensor.of(randomUniform(node, Constants.scalar(type, 0), Constants.scalar(type, 1), type)));
    }

    /**
     * RandomUniformInt: int32 integers in [minval, maxval). Both are OpenVINO's RandomUniform-8 with
     * TensorFlow's alignment, seeded by the op's seed and seed2 attrs (its graph-level and op-level seeds): the same
     * Philox numbers as TensorFlow's kernel, in both runtimes. An op of two zero seeds draws new numbers each run, as
     * in TensorFlow.
     */
    public static List<TfTensor> randomUniformInt(NodeContext node) {
        ElementType type = node.type("Tout");
        // TensorFlow draws an int64 from two 32-bit numbers, OpenVINO from one: its int64 values are others
        node.require(type == ElementType.I32, "needs an int32 Tout: OpenVINO's RandomUniform draws int64 numbers "
                + "otherwise than TensorFlow, so they would differ");
        return List.of(TfTensor.of(randomUniform(node, Elementwise.convert(node.input(1), type),
                Elementwise.convert(node.input(2), type), type)));
    }

    private static Output randomUniform(NodeContext node, Output min, Output max, ElementType type) {
        Output shape = node.input(0);
        node.require(shape.rank() == 1 && shape.shape().isFullyDefined(), "needs a 1-D shape, not " + shape.shape());
        long seed = node.attrs().integer("seed", 0);
        long seed2 = node.attrs().integer("seed2", 0);
        node.require(seed >= 0 && seed2 >= 0, "has the seeds " + seed + " and " + seed2 + "; OpenVINO's "
                + "RandomUniform takes seeds >= 0");
        long[] dims = shape.isConstant() ? shape.constant().longs() : new long[(int) shape.shape().dim(0)];
        if (!shape.isConstant()) {
            Arrays.fill(dims, PartialShape.UNKNOWN_DIM);
        }
        return Node.builder("RandomUniform", "opset8").attribute("output_type", type.irName())
                .attribute("global_seed", seed).attribute("op_seed", seed2).attribute("alignment", "tensorflow")
                .inputs(Elementwise.convert(shape, ElementType.I64), min, max).output(type, PartialShape.of(dims))
                .buildOutput();
    }

    public static List<TfTensor> fill(NodeContext node) {
        Output dims = node.input(0);
        if (dims.isConstant()) {
            return List.of(TfTensor.of(broadcast(node.input(1), dims.constant().longs())));
        }
        node.require(dims.rank() == 1 && dims.shape().isFullyDefined(), "needs 1-D dims, not " + dims.shape());
        long[] unknown = new long[(int) dims.shape().dim(0)];
        Arrays.fill(unknown, PartialShape.UNKNOWN_DIM);
        Output target = Elementwise.convert(dims, ElementType.I64);
        return List.of(TfTensor.of(Node.builder("Broadcast", "opset3").attribute("mode", "numpy")
                .inputs(node.input(1), target).output(node.inputType(1), PartialShape.of(unknown)).buildOutput()));
    }

    public static List<TfTensor> zerosLike(NodeContext node) {
        return like(node, 0);
    }

    public static List<TfTensor> onesLike(NodeContext node) {
        return like(node, 1);
    }

    /** ZerosLike, OnesLike: the value broadcast to the input's shape (a constant when static, else ShapeOf). */
    private static List<TfTensor> like(NodeContext node, double value) {
        Output x = node.input(0);
        node.require(x.shape().hasRank(), "needs an input of known rank");
        return List.of(TfTensor.of(Movement.broadcast(Constants.scalar(x.type(), value),
                Movement.shapeOf(x, ElementType.I64), x.shape())));
    }

    /** Rank: the input's rank, a constant int32. */
    public static List<TfTensor> rank(NodeContext node) {
        PartialShape shape = node.inputShape(0);
        node.require(shape.hasRank(), "needs an input of known rank");
        return List.of(TfTensor.of(Constants.of(ConstTensor.ofLongs(ElementType.I32, new long[0], shape.rank()))));
    }

    private static Output broadcast(Output value, long[] dims) {
        return Movement.broadcast(value, Constants.i64(dims), PartialShape.of(dims));
    }

    /** BroadcastTo: the input broadcast (numpy) to the shape of input 1, also computed. */
    public static List<TfTensor> broadcastTo(NodeContext node) {
        Output shape = node.input(1);
        node.require(shape.rank() == 1 && Shapes.known(shape.shape().dim(0)), "needs a 1-D shape (input 1) of "
                + "known length, not " + shape.shape());
        return List.of(TfTensor.of(Movement.broadcast(node.input(0), shape, shapeOf(shape))));
    }

    /** BroadcastArgs: the shape two shapes broadcast to, the ShapeOf zeros broadcast to both. */
    public static List<TfTensor> broadcastArgs(NodeContext node) {
        Output first = node.input(0);
        Output second = node.input(1);
        node.require(first.rank() == 1 && second.rank() == 1, "needs two 1-D shapes, not " + first.shape()
                + " and " + second.shape());
        Output zeros = Movement.broadcast(Constants.scalar(ElementType.I32, 0), first, shapeOf(first));
        PartialShape both = Shapes.broadcast(zeros.shape(), shapeOf(second), true);
        Output broadcast = Node.builder("Broadcast", "opset3").attribute("mode", "bidirectional")
                .inputs(zeros, Elementwise.convert(second, ElementType.I64)).output(ElementType.I32, both)
                .buildOutput();
        return List.of(TfTensor.of(Movement.shapeOf(broadcast, first.type())));
    }

    /** The shape a 1-D shape tensor holds, as far as known. */
    private static PartialShape shapeOf(Output shape) {
        return Shapes.known(shape.shape().dim(0)) ? PartialShape.of(Arrays.stream(Constants.knownElements(shape))
                .map(d -> d >= 0 ? d : PartialShape.UNKNOWN_DIM).toArray()) : PartialShape.unknownRank();
    }

    /**
     * Range: of constant start, limit and delta computed at conversion, as TensorFlow folds it; of bounds computed at
     * run time (positions up to a sequence's length), Range-4 of the three scalars, of a length known at run time.
     */
    public static List<TfTensor> range(NodeContext node) {
        ElementType type = node.inputType(0);
        List<Output> bounds = List.of(node.input(0), node.input(1), node.input(2));
        if (bounds.stream().allMatch(Output::isConstant)) {
            return List.of(TfTensor.of(Constants.of(type.isInteger() ? integerRange(node, type)
                    : realRange(node, type))));
        }
        node.require(bounds.stream().allMatch(bound -> bound.rank() == 0 && bound.type() == type), "needs scalar "
                + "start, limit and delta of one type, not " + bounds.stream().map(b -> b.type().irName() + b.shape())
                .toList());
        return List.of(TfTensor.of(Node.builder("Range", "opset4").attribute("output_type", type.irName())
                .inputs(bounds).output(type, PartialShape.of(PartialShape.UNKNOWN_DIM)).buildOutput()));
    }

    private static ConstTensor integerRange(NodeContext node, ElementType type) {
        long start = scalar(node, 0).longs()[0];
        long limit = scalar(node, 1).longs()[0];
        long delta = scalar(node, 2).longs()[0];
        node.require(delta != 0, "needs a delta other than 0");
        long[] values = new long[count(node, -Math.floorDiv(start - limit, delta))];
        for (int i = 0; i < values.length; i++) {
            values[i] = start + i * delta;
        }
        return ConstTensor.ofLongs(type, new long[] {values.length}, values);
    }

    private static ConstTensor realRange(NodeContext node, ElementType type) {
        double start = scalar(node, 0).doubles()[0];
        double limit = scalar(node, 1).doubles()[0];
        double delta = scalar(node, 2).doubles()[0];
        node.require(delta != 0, "needs a delta other than 0");
        double[] values = new double[count(node, (long) Math.ceil((limit - start) / delta))];
        for (int i = 0; i < values.length; i++) {
            values[i] = start + i * delta;
        }
        return ConstTensor.ofDoubles(type, new long[] {values.length}, values);
    }

    private static ConstTensor scalar(NodeContext node, int i) {
        return node.tensor(i).stored().constant();
    }

    private static int count(NodeContext node, long count) {
        node.require(count <= RANGE_LIMIT, "makes " + count + " elements, more than " + RANGE_LIMIT);
        return (int) Math.max(0, count);
    }

    /**
     * LinSpace of a constant num (input 2): start + i * (stop - start) / (num - 1) for i in [0, num), as TensorFlow
     * computes it; start alone for a num of 1.
     */
    public static List<TfTensor> linSpace(NodeContext node) {
        long num = node.constantInput(2, "num")[0];
        node.require(num >= 1, "has num " + num + "; 1 or more are valid");
        Output start = node.input(0);
        ElementType type = start.type();
        double[] steps = new double[count(node, num)];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = i;
        }
        Output step = num == 1 ? Constants.scalar(type, 0) : Elementwise.binary("Divide", Elementwise.binary(
                "Subtract", node.input(1), start), Constants.scalar(type, num - 1));
        Output offsets = Elementwise.multiply(Constants.of(ConstTensor.ofDoubles(type, new long[] {num}, steps)), step);
        return List.of(TfTensor.of(Elementwise.add(start, offsets)));
    }

    /**
     * Tile: the input repeated along each axis by the multiples (input 1, constant or computed at run time), as
     * Tile-1; an axis is known where its dim and its multiple are.
     */
    public static List<TfTensor> tile(NodeContext node) {
        Output x = node.input(0);
        Output multiples = node.input(1);
        node.require(x.shape().hasRank() && multiples.rank() == 1 && multiples.shape().dim(0) == x.rank(),
                "needs one multiple per axis of its input " + x.shape() + ", not multiples of shape "
                + multiples.shape());
        long[] known = Constants.knownElements(multiples);
        long[] dims = x.shape().dims().clone();
        for (int i = 0; i < dims.length; i++) {
            dims[i] = Shapes.known(dims[i]) && known[i] >= 0 ? dims[i] * known[i] : PartialShape.UNKNOWN_DIM;
        }
        return List.of(TfTensor.of(Node.builder("Tile", "opset1").inputs(x, Elementwise.convert(multiples,
                ElementType.I64)).output(x.type(), PartialShape.of(dims)).buildOutput()));
    }
}
