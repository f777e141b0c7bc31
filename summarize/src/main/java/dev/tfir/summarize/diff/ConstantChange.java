package dev.tfir.summarize.diff;

import dev.tfir.common.types.DTypes;
import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.weights.TensorProtos;
import dev.tfir.summarize.report.ConstantElements;
import java.nio.ByteBuffer;
import org.tensorflow.proto.TensorProto;

/**
 * How two constant values differ: dtype and shape in each, and where both agree, the largest absolute difference
 * of their elements (NaN where it cannot be computed: strings, or a value the graph holds damaged).
 */
public record ConstantChange(String dtypeA, String dtypeB, String shapeA, String shapeB, double maxAbsDiff) {

    /** The change between two tensors, or null when they hold the same dtype, shape and elements. */
    static ConstantChange of(TensorProto a, TensorProto b) {
        String dtypeA = DTypes.pythonName(a.getDtype());
        String dtypeB = DTypes.pythonName(b.getDtype());
        PartialShape shapeA = PartialShape.fromProto(a.getTensorShape());
        PartialShape shapeB = PartialShape.fromProto(b.getTensorShape());
        double diff = Double.NaN;
        if (a.getDtype() == b.getDtype() && shapeA.toString().equals(shapeB.toString())) {
            diff = maxAbsDiff(a, b);
            if (diff == 0) {
                return null;
            }
        }
        return new ConstantChange(dtypeA, dtypeB, shapeA.toSummaryString(), shapeB.toSummaryString(), diff);
    }

    private static double maxAbsDiff(TensorProto a, TensorProto b) {
        if (a.equals(b)) {
            return 0;
        }
        try {
            ConstTensor ta = TensorProtos.decode(a);
            ConstTensor tb = TensorProtos.decode(b);
            ByteBuffer da = ta.data();
            ByteBuffer db = tb.data();
            if (da.equals(db)) {
                return 0;
            }
            double max = 0;
            for (long i = 0; i < ta.elementCount(); i++) {
                double d = Math.abs(ConstantElements.element(da, ta.type(), (int) i)
                        - ConstantElements.element(db, tb.type(), (int) i));
                if (d > max || Double.isNaN(d)) {
                    max = d;
                }
            }
            return max;
        } catch (ConversionException e) {
            return Double.NaN; // strings, resources, or a damaged value: the report says the values differ
        }
    }
}
