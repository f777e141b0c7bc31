package dev.tfir.convert.ops;

import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;

/** ScatterElementsUpdate-12 with a reduction: segment sums, products, maxima and minima. */
public final class SegmentReduction {
    private SegmentReduction() {}

    /**
     * {@code initial} with each element of {@code updates} combined by {@code reduction} (sum, prod, max, min) into
     * the element {@code indices} names along {@code axis}; the initial values take part.
     */
    public static Output scatter(Output initial, Output indices, Output updates, long axis, String reduction) {
        return Node.builder("ScatterElementsUpdate", "opset12").attribute("reduction", reduction)
                .attribute("use_init_val", true).inputs(initial, indices, updates, Constants.i64Scalar(axis))
                .output(initial.type(), initial.shape()).buildOutput();
    }
}
