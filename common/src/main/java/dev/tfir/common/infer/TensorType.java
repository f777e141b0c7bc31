package dev.tfir.common.infer;

import dev.tfir.common.types.PartialShape;
import java.util.Objects;
import org.tensorflow.proto.DataType;

/**
 * What is statically known about one node output: its dtype ({@link DataType#DT_INVALID} when unknown) and its
 * shape ({@link PartialShape#unknownRank()} when nothing is known about it).
 */
public record TensorType(DataType dtype, PartialShape shape) {
    private static final TensorType UNKNOWN = new TensorType(DataType.DT_INVALID, PartialShape.unknownRank());

    public TensorType {
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(shape, "shape");
    }

    /** Nothing known: {@code DT_INVALID} and an unknown rank. */
    public static TensorType unknown() {
        return UNKNOWN;
    }

    /** The dtype is known, the shape is not. */
    static TensorType unknownShape(DataType dtype) {
        return new TensorType(dtype, PartialShape.unknownRank());
    }

    TensorType withShape(PartialShape newShape) {
        return new TensorType(dtype, newShape);
    }
}
