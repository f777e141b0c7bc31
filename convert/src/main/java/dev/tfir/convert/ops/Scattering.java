package dev.tfir.convert.ops;

import dev.tfir.common.infer.Shapes;
import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

/** Ops that find or place elements by index: NonZero-3, ScatterNDUpdate-15, Unique-10, segment sums. */
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
     * The sums of the slices of {@code data} (its leading axes those of {@code ids}) per segment id, in
     * {@code segments} (a scalar) rows ({@code knownSegments} when known at conversion, else -1): [segments] +
     * data's other dims. Ids below 0 are dropped, as TensorFlow drops them: they go to an extra last row, cut off.
     */
    public static Output segmentSum(Output data, Output ids, Output segments, long knownSegments) {
        long[] tail = Arrays.copyOfRange(data.shape().dims(), ids.rank(), data.rank());
        Output tailShape = Arrays.stream(tail).allMatch(Shapes::known) ? Constants.i64(tail)
                : Movement.gather(Movement.shapeOf(data, ElementType.I64),
                        Constants.i64(LongStream.range(ids.rank(), data.rank()).toArray()), 0);
        Output rows = Elementwise.convert(segments, ElementType.I64);
        Output withDropped = Elementwise.add(rows, Constants.scalar(ElementType.I64, 1));
        long[] dims = new long[tail.length + 1];
        dims[0] = Shapes.known(knownSegments) ? knownSegments + 1 : PartialShape.UNKNOWN_DIM;
        System.arraycopy(tail, 0, dims, 1, tail.length);
        Output zeros = Movement.broadcast(Constants.scalar(data.type(), 0),
                Movement.concat(List.of(Movement.unsqueeze(withDropped, 0), tailShape), 0), PartialShape.of(dims));
        Output ids64 = Elementwise.convert(ids, ElementType.I64);
        Output kept = Elementwise.select(Elementwise.binary("Less", ids64, Constants.scalar(ElementType.I64, 0)),
                rows, ids64);
        Output sums = scatterNd(zeros, Movement.unsqueeze(kept, ids.rank()), data, "sum");
        dims[0] = Shapes.known(knownSegments) ? knownSegments : PartialShape.UNKNOWN_DIM;
        return Node.builder("Slice", "opset8").inputs(sums, Constants.i64(0), Movement.unsqueeze(rows, 0),
                Constants.i64(1), Constants.i64(0)).output(data.type(), PartialShape.of(dims)).buildOutput();
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
