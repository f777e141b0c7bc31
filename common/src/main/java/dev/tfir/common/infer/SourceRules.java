package dev.tfir.common.infer;

import static dev.tfir.common.infer.ShapeRule.one;
import static dev.tfir.common.types.PartialShape.UNKNOWN_DIM;

import dev.tfir.common.graph.NodeAttrs;
import dev.tfir.common.types.PartialShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tensorflow.proto.DataType;

/**
 * Ops with no data input whose type is in their attrs: Placeholder, Const; PlaceholderWithDefault; and the outputs of
 * an input pipeline ({@link dev.tfir.common.graph.PipelineOps}): a tf.data iterator's (IteratorGetNext:
 * {@code output_types} and {@code output_shapes}) and a TF1 queue's dequeues ({@code component_types}, and the
 * queue's {@code shapes}), with the pipeline's handles (a queue's or an iterator's resource, its string handle).
 */
final class SourceRules {
    private SourceRules() {}

    /** The rule of this op type, or null when the op type is not of this family. */
    static ShapeRule forOp(String op) {
        return switch (op) {
            case "Placeholder" -> c -> one(c.attrs().type("dtype"), c.attrs().shape("shape"));
            case "PlaceholderWithDefault" -> SourceRules::placeholderWithDefault;
            case "Const", "HostConst" -> c -> one(c.attrs().type("dtype"), valueShape(c));
            case "FIFOQueueV2", "PaddingFIFOQueueV2", "RandomShuffleQueueV2", "PriorityQueueV2", "OneShotIterator",
                 "IteratorV2", "Iterator" -> c -> one(DataType.DT_RESOURCE, Shapes.scalar());
            case "IteratorToStringHandle" -> c -> one(DataType.DT_STRING, Shapes.scalar());
            case "IteratorGetNext", "IteratorGetNextSync" -> SourceRules::iteratorOutputs;
            case "QueueDequeue", "QueueDequeueV2" -> c -> dequeued(c, null);
            case "QueueDequeueMany", "QueueDequeueManyV2" ->
                    c -> dequeued(c, Objects.requireNonNullElse(c.intScalar(1), UNKNOWN_DIM));
            case "QueueDequeueUpTo", "QueueDequeueUpToV2" -> c -> dequeued(c, UNKNOWN_DIM);
            default -> null;
        };
    }

    /**
     * The shape of a Const's value: dims >= 0, at most 2^63 - 1 elements in all, as TensorFlow requires. Without a
     * value, a variable frozen for conversion (its value is in the checkpoint): the variable's shape attr.
     */
    private static PartialShape valueShape(NodeContext c) {
        if (!c.node().containsAttr("value")) {
            return c.attrs().shape("shape");
        }
        PartialShape shape = PartialShape.fromProto(c.attrs().tensor("value").getTensorShape());
        if (!shape.isFullyDefined()) {
            throw new CannotInfer("value of shape " + shape + "; TensorFlow requires a Const's dims to be >= 0");
        }
        if (shape.elementCount() < 0) {
            throw new CannotInfer("value of shape " + shape + ", more than 2^63 - 1 elements; TensorFlow requires "
                    + "fewer");
        }
        return shape;
    }

    /** One output per element of {@code output_types}, of the shape {@code output_shapes} gives it. */
    private static List<TensorType> iteratorOutputs(NodeContext c) {
        List<DataType> types = c.attrs().types("output_types");
        List<PartialShape> shapes = c.attrs().shapes("output_shapes");
        if (types.size() != shapes.size()) {
            throw new CannotInfer(types.size() + " output_types but " + shapes.size() + " output_shapes; TensorFlow "
                    + "requires one shape per type");
        }
        List<TensorType> outputs = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            outputs.add(new TensorType(types.get(i), shapes.get(i)));
        }
        return outputs;
    }

    /**
     * One output per element of {@code component_types}: an element of the queue (input 0), of the shape its
     * {@code shapes} attr gives each component (unknown where the queue has none, which TensorFlow allows for single
     * dequeues), after a dim of {@code batch} elements unless it is null (a single dequeue). A dequeue of up to n
     * elements has an unknown batch: the last may be smaller.
     */
    private static List<TensorType> dequeued(NodeContext c, Long batch) {
        List<DataType> types = c.attrs().types("component_types");
        List<PartialShape> shapes = new NodeAttrs(c.producer(0), CannotInfer::new).shapes("shapes");
        List<TensorType> outputs = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            PartialShape element = shapes.size() == types.size() ? shapes.get(i) : PartialShape.unknownRank();
            outputs.add(new TensorType(types.get(i), batch == null ? element : Shapes.concat(Shapes.vector(batch), element)));
        }
        return outputs;
    }

    /** The shape attr, which may be less specific than the default value (input 0) but must fit it. */
    private static List<TensorType> placeholderWithDefault(NodeContext c) {
        PartialShape shape = c.attrs().shape("shape");
        Shapes.merge(c.shape(0), shape);
        return one(c.attrs().type("dtype"), shape);
    }
}
