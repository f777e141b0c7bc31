package dev.tfir.convert.ops;

import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;

/** Ops that find or place elements by index: NonZero-3, ScatterNDUpdate-15, Unique-10. */
public final class Scattering {
    private Scattering() {}

    /** The int64 coordinates of the non-zero (true) elements, one row each in row-major order: NonZero transposed. */
    public static Output nonZeroCoordinates(Output x) {
        Output columns = Node.builder("NonZero", "opset3").attribute("output_type", ElementType.I64.irName())
                .inputs(x).output(ElementType.I64, PartialShape.of(x.rank(), PartialShape.UNKNOWN_DIM)).buildOutput();
        return Movement.transpose(columns, 1, 0);
    }

    /**
     * ScatterNDUpdate-15: {@code data} with the slices that the last axis of {@code indices} addresses replaced by,
     * or combined ({@code reduction} sum, sub, min, max) with, {@code updates}.
     */
    public static Output scatterNd(Output data, Output indices, Output updates, String reduction) {
        return Node.builder("ScatterNDUpdate", "opset15").attribute("reduction", reduction)
                .inputs(data, indices, updates).output(data.type(), data.shape()).buildOutput();
    }

    /**
     * Unique-10 of a 1-D tensor in the order of first occurrence: (unique elements, for each element the index of
     * its unique one, the count of each unique one).
     */
    public static Node unique(Output x, ElementType indexType, ElementType countType) {
        PartialShape some = PartialShape.of(PartialShape.UNKNOWN_DIM);
        return Node.builder("Unique", "opset10").attribute("sorted", false)
                .attribute("index_element_type", indexType.irName()).attribute("count_element_type",
                        countType.irName()).inputs(x).output(x.type(), some).output(indexType, some)
                .output(indexType, x.shape()).output(countType, some).build();
    }
}
