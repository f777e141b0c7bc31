package dev.tfir.convert.ops;

import dev.tfir.common.infer.Shapes;
import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ConversionException;
import java.util.Arrays;

/** The output shape of Reshape-1 from a known target: -1 is inferred, 0 keeps the input dim with special_zero. */
final class ReshapeTarget {
    private ReshapeTarget() {}

    static PartialShape resolve(PartialShape input, long[] target, boolean specialZero) {
        long[] dims = target.clone();
        int inferred = -1;
        long knownProduct = 1;
        for (int i = 0; i < dims.length; i++) {
            if (specialZero && dims[i] == 0) {
                dims[i] = input.dim(i);
            }
            if (target[i] == -1) {
                if (inferred >= 0) {
                    throw new ConversionException("Reshape target " + Arrays.toString(target)
                            + " has more than one -1");
                }
                inferred = i;
            } else if (Shapes.known(dims[i])) {
                knownProduct *= dims[i];
            }
        }
        if (inferred >= 0) {
            long total = input.elementCount();
            boolean othersKnown = true;
            for (int i = 0; i < dims.length; i++) {
                othersKnown &= i == inferred || Shapes.known(dims[i]);
            }
            dims[inferred] = total >= 0 && othersKnown && knownProduct > 0 ? total / knownProduct : PartialShape.UNKNOWN_DIM;
        }
        PartialShape shape = PartialShape.of(dims);
        if (shape.isFullyDefined() && input.isFullyDefined() && shape.elementCount() != input.elementCount()) {
            throw new ConversionException("cannot reshape " + input + " to " + Arrays.toString(target));
        }
        return shape;
    }
}
