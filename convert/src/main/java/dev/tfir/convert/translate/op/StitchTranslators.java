package dev.tfir.convert.translate.op;

import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Constants;
import dev.tfir.convert.ops.Movement;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.TfTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * DynamicStitch and ParallelDynamicStitch of constant indices: the data's rows joined (Concat) and put in place by
 * one constant Gather, a later row winning over an earlier one of the same index, as DynamicStitch's kernel does;
 * DynamicPartition of constant partitions, its inverse.
 */
public final class StitchTranslators {
    /** The most rows a stitch makes. */
    private static final long ROW_LIMIT = 1 << 24;

    private StitchTranslators() {}

    /** N constant indices (inputs 0..N-1), then N data, data[i] of shape indices[i].shape + the row's shape. */
    public static List<TfTensor> stitch(NodeContext node) {
        int count = node.inputCount() / 2;
        node.require(count > 0 && node.inputCount() == 2 * count, "needs as many data as indices");
        List<Output> rows = new ArrayList<>();
        List<Long> sources = new ArrayList<>();
        long[] rowDims = null;
        for (int i = 0; i < count; i++) {
            long[] indices = node.constantInput(i, "indices");
            Output data = node.input(count + i);
            int indexRank = node.inputShape(i).rank();
            node.require(data.shape().isFullyDefined() && data.rank() >= indexRank,
                    "needs data " + i + " of a static shape that starts with its indices' shape, not " + data.shape());
            long[] dims = Arrays.copyOfRange(data.shape().dims(), indexRank, data.rank());
            node.require(rowDims == null || Arrays.equals(rowDims, dims), "has data of different row shapes "
                    + Arrays.toString(rowDims) + " and " + Arrays.toString(dims));
            rowDims = dims;
            rows.add(Movement.reshape(data, LongStream.concat(LongStream.of(indices.length), LongStream.of(dims))
                    .toArray()));
            for (long index : indices) {
                node.require(index >= 0 && index < ROW_LIMIT, "has index " + index + "; 0.." + (ROW_LIMIT - 1)
                        + " are valid");
                sources.add(index);
            }
        }
        long size = sources.stream().mapToLong(Long::longValue).max().orElse(-1) + 1;
        long[] picked = new long[(int) size];
        Arrays.fill(picked, -1);
        for (int row = 0; row < sources.size(); row++) {
            picked[(int) (long) sources.get(row)] = row;
        }
        for (int index = 0; index < size; index++) {
            node.require(picked[index] >= 0, "leaves row " + index + " of its output unset");
        }
        Output joined = rows.size() == 1 ? rows.get(0) : Movement.concat(rows, 0);
        return List.of(TfTensor.of(Movement.gather(joined, Constants.i64(picked), 0)));
    }

    /** DynamicPartition of constant partitions (input 1): num_partitions outputs, each a constant Gather of rows. */
    public static List<TfTensor> partition(NodeContext node) {
        long[] partitions = node.constantInput(1, "partitions");
        long count = node.attrs().integer("num_partitions", 0);
        Output data = node.input(0);
        int partitionRank = node.inputShape(1).rank();
        node.require(data.shape().isFullyDefined() && data.rank() >= partitionRank, "needs data of a static shape "
                + "that starts with the partitions' shape, not " + data.shape());
        long[] rowDims = Arrays.copyOfRange(data.shape().dims(), partitionRank, data.rank());
        Output rows = Movement.reshape(data, LongStream.concat(LongStream.of(partitions.length),
                LongStream.of(rowDims)).toArray());
        node.require(LongStream.of(partitions).allMatch(p -> p >= 0 && p < count), "has partitions "
                + Arrays.toString(partitions) + " outside 0.." + (count - 1));
        List<TfTensor> outputs = new ArrayList<>();
        for (long part = 0; part < count; part++) {
            long current = part;
            long[] picked = IntStream.range(0, partitions.length).filter(i -> partitions[i] == current)
                    .asLongStream().toArray();
            node.require(picked.length > 0, "leaves partition " + part + " empty; empty outputs are not supported");
            outputs.add(TfTensor.of(Movement.gather(rows, Constants.i64(picked), 0)));
        }
        return outputs;
    }
}
