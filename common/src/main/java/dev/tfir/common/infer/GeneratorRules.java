package dev.tfir.common.infer;

import static dev.tfir.common.infer.ShapeRule.one;

import java.util.List;
import org.tensorflow.proto.DataType;

/** Ops that make a tensor of a shape given as a tensor: Fill, random tensors, Range and LinSpace. */
final class GeneratorRules {
    private GeneratorRules() {}

    /** The rule of this op type, or null when the op type is not of this family. */
    static ShapeRule forOp(String op) {
        return switch (op) {
            case "Fill" -> c -> one(c.typeAttrOr("T", 1), c.shapeTensor(0));
            case "RandomUniform", "RandomStandardNormal", "TruncatedNormal", "StatelessRandomUniform",
                    "StatelessRandomNormal", "StatelessTruncatedNormal", "StatelessRandomUniformV2",
                    "StatelessRandomNormalV2", "StatelessTruncatedNormalV2" ->
                    c -> one(c.attrs().type("dtype"), c.shapeTensor(0));
            case "RandomUniformInt" -> c -> one(c.attrs().type("Tout"), c.shapeTensor(0));
            case "Range" -> GeneratorRules::range;
            case "LinSpace" -> c -> one(c.typeAttrOr("T", 0), Shapes.vector(orUnknown(c.intScalar(2))));
            default -> null;
        };
    }

    private static long orUnknown(Long dim) {
        return dim == null ? -1 : dim;
    }

    /** A vector of ceil(|limit - start| / |delta|) elements when the three int scalars are known. */
    private static List<TensorType> range(NodeContext c) {
        DataType dtype = c.attrs().type("Tidx");
        Long start = c.intScalar(0);
        Long limit = c.intScalar(1);
        Long delta = c.intScalar(2);
        if (start == null || limit == null || delta == null) {
            return one(dtype, Shapes.vector(-1));
        }
        if (delta == 0 || (start > limit && delta > 0) || (start < limit && delta < 0)) {
            throw new CannotInfer("Range from " + start + " to " + limit + " by " + delta + " is empty or endless");
        }
        long step = Math.abs(delta);
        return one(dtype, Shapes.vector((Math.abs(limit - start) + step - 1) / step));
    }
}
