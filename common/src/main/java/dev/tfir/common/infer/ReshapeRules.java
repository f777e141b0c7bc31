package dev.tfir.common.infer;

import static dev.tfir.common.infer.ShapeRule.one;

import dev.tfir.common.types.PartialShape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.tensorflow.proto.DataType;

/** Ops that change a tensor's shape but not its elements (Reshape, Squeeze, ExpandDims) or report it (Shape...). */
final class ReshapeRules {
    /** What {@link #soleUnknownDim} says when several dims are unknown. */
    private static final int TOO_MANY = -2;

    private ReshapeRules() {}

    /** The rule of this op type, or null when the op type is not of this family. */
    static ShapeRule forOp(String op) {
        return switch (op) {
            case "Reshape" -> ReshapeRules::reshape;
            case "Squeeze" -> ReshapeRules::squeeze;
            case "ExpandDims" -> ReshapeRules::expandDims;
            case "Shape" -> c -> one(outType(c), Shapes.vector(c.shape(0).hasRank() ? c.shape(0).rank() : -1));
            case "ShapeN" -> ReshapeRules::shapeN;
            case "Size" -> c -> one(outType(c), Shapes.scalar());
            case "Rank" -> c -> one(DataType.DT_INT32, Shapes.scalar());
            default -> null;
        };
    }

    private static DataType outType(NodeContext c) {
        DataType type = c.attrs().type("out_type");
        return type == DataType.DT_INVALID ? DataType.DT_INT32 : type;
    }

    /**
     * The shape named by input 1, where one unknown output dim (a -1) is worked out from the element count of a
     * fully known input, as TensorFlow's SetOutputShapeForReshape.
     */
    private static List<TensorType> reshape(NodeContext c) {
        PartialShape in = c.shape(0);
        long[] target = c.ints(1);
        if (target != null && LongStream.of(target).filter(d -> d == -1).count() > 1) {
            throw new CannotInfer("shape " + Arrays.toString(target) + " has more than one -1; TensorFlow requires at "
                    + "most one dim to be inferred");
        }
        PartialShape out = c.shapeTensor(1);
        DataType dtype = c.typeAttrOr("T", 0);
        if (!out.hasRank() || !in.hasRank()) {
            return one(dtype, out);
        }
        int outUnknown = soleUnknownDim(out);
        int inUnknown = soleUnknownDim(in);
        if (outUnknown == TOO_MANY || inUnknown == TOO_MANY) {
            return one(dtype, out);
        }
        long knownOut = knownProduct(out);
        long knownIn = knownProduct(in);
        if (inUnknown < 0 && outUnknown < 0 && knownIn != knownOut) {
            throw new CannotInfer("cannot reshape " + in + " (" + knownIn + " elements) to " + out + " (" + knownOut
                    + " elements); TensorFlow requires the same number of elements");
        }
        if (inUnknown < 0 && outUnknown >= 0 && knownOut > 0) {
            if (knownIn % knownOut != 0) {
                throw new CannotInfer("cannot reshape " + in + " (" + knownIn + " elements) to " + out + "; "
                        + "TensorFlow requires the known dims to divide the number of elements");
            }
            return one(dtype, Shapes.replaceDim(out, outUnknown, knownIn / knownOut));
        }
        return one(dtype, out);
    }

    /** The index of the only unknown dim, -1 when all are known, {@link #TOO_MANY} when several are unknown. */
    private static int soleUnknownDim(PartialShape shape) {
        int found = -1;
        for (int i = 0; i < shape.rank(); i++) {
            if (!Shapes.known(shape.dim(i))) {
                if (found >= 0) {
                    return TOO_MANY;
                }
                found = i;
            }
        }
        return found;
    }

    private static long knownProduct(PartialShape shape) {
        return LongStream.of(shape.dims()).filter(Shapes::known).reduce(1, Math::multiplyExact);
    }

    /**
     * Without squeeze_dims, every dim known to be 1 goes (and an unknown dim leaves the shape unknown); with them,
     * the listed dims go.
     */
    private static List<TensorType> squeeze(NodeContext c) {
        PartialShape input = c.shape(0);
        DataType dtype = c.typeAttrOr("T", 0);
        if (!input.hasRank()) {
            return one(dtype, input);
        }
        long[] squeezeDims = c.attrs().ints("squeeze_dims", new long[0]);
        boolean[] listed = new boolean[input.rank()];
        for (long dim : squeezeDims) {
            listed[Shapes.axis(dim, input.rank())] = true;
        }
        LongStream.Builder kept = LongStream.builder();
        for (int i = 0; i < input.rank(); i++) {
            long dim = input.dim(i);
            if (!Shapes.known(dim) && squeezeDims.length == 0) {
                return one(dtype, PartialShape.unknownRank());
            }
            if (listed[i] && Shapes.known(dim) && dim != 1) {
                throw new CannotInfer("squeeze_dims holds dim " + i + " of " + input + ", of size " + dim
                        + "; TensorFlow requires the squeezed dims to be of size 1");
            }
            boolean squeezed = listed[i] || (squeezeDims.length == 0 && dim == 1);
            if (!squeezed) {
                kept.add(dim);
            }
        }
        return one(dtype, PartialShape.of(kept.build().toArray()));
    }

    private static List<TensorType> expandDims(NodeContext c) {
        PartialShape input = c.shape(0);
        Long axis = c.intScalar(1);
        DataType dtype = c.typeAttrOr("T", 0);
        if (axis == null || !input.hasRank()) {
            return one(dtype, PartialShape.unknownRank());
        }
        int at = Shapes.axis(axis, input.rank() + 1);
        PartialShape front = Shapes.concat(Shapes.subshape(input, 0, at), Shapes.vector(1));
        return one(dtype, Shapes.concat(front, Shapes.subshape(input, at)));
    }

    private static List<TensorType> shapeN(NodeContext c) {
        List<TensorType> outputs = new ArrayList<>(c.inputCount());
        for (int i = 0; i < c.inputCount(); i++) {
            PartialShape input = c.shape(i);
            outputs.add(new TensorType(outType(c), Shapes.vector(input.hasRank() ? input.rank() : -1)));
        }
        return outputs;
    }
}
