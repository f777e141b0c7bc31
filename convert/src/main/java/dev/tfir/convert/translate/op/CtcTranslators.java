package dev.tfir.convert.translate.op;

import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Constants;
import dev.tfir.convert.ops.Elementwise;
import dev.tfir.convert.ops.Indexing;
import dev.tfir.convert.ops.Movement;
import dev.tfir.convert.ops.Reductions;
import dev.tfir.convert.ops.Scattering;
import dev.tfir.convert.translate.NodeContext;
import dev.tfir.convert.translate.TfTensor;
import java.util.List;

/**
 * CTCGreedyDecoder ({@code tf.nn.ctc_greedy_decoder}, the decoding of CRNN text recognizers and speech models) as
 * OpenVINO's CTCGreedyDecoderSeqLen-6, whose dense result (a row of classes per sequence, -1 after its length)
 * becomes TensorFlow's sparse one.
 */
public final class CtcTranslators {
    private CtcTranslators() {}

    /**
     * Inputs (max_time, batch, classes) and sequence_length (batch); at each step of a sequence the class of the
     * largest input (the first of equal ones), repeats merged where merge_repeated, blanks (blank_index, by default
     * the last class) dropped. Outputs as TensorFlow's: decoded_indices (total, 2) and decoded_values (total) int64
     * in row-major order, decoded_shape (batch, the longest decoding) and log_probability (batch, 1), the negated
     * sum of the step maxima.
     */
    public static List<TfTensor> greedyDecoder(NodeContext node) {
        Output inputs = node.input(0);
        Output lengths = Elementwise.convert(node.input(1), ElementType.I32);
        node.require(inputs.rank() == 3 && lengths.rank() == 1, "needs inputs (max_time, batch, classes) and "
                + "sequence_length (batch), not " + inputs.shape() + " and " + lengths.shape());
        long blank = node.attrs().integer("blank_index", -1);
        long classes = inputs.shape().dim(2);
        node.require(blank >= 0 || classes >= 0, "needs a static number of classes for the default blank_index");
        Output blankIndex = Constants.scalar(ElementType.I32, blank >= 0 ? blank : classes - 1);
        Output batchMajor = Movement.transpose(inputs, 1, 0, 2);
        PartialShape dense = PartialShape.of(inputs.shape().dim(1), inputs.shape().dim(0));
        Node decoder = Node.builder("CTCGreedyDecoderSeqLen", "opset6")
                .attribute("merge_repeated", node.attrs().bool("merge_repeated", false))
                .attribute("classes_index_type", ElementType.I64.irName())
                .attribute("sequence_length_type", ElementType.I64.irName())
                .inputs(batchMajor, lengths, blankIndex).output(ElementType.I64, dense)
                .output(ElementType.I64, PartialShape.of(inputs.shape().dim(1))).build();
        Output decodedLengths = decoder.output(1);
        Output steps = Movement.shapeOf(batchMajor, ElementType.I64);
        Output time = Movement.indices(Movement.gather(steps, Constants.i64Scalar(1), 0));
        Output indices = Scattering.nonZeroCoordinates(Elementwise.binary("Less", Movement.unsqueeze(time, 0),
                Movement.unsqueeze(decodedLengths, 1)));
        Output values = Indexing.gatherNd(decoder.output(0), indices);
        Output longest = Reductions.reduce("ReduceMax", Elementwise.binary("Maximum", decodedLengths,
                Constants.i64Scalar(0)), new long[] {0}, true);
        Output shape = Movement.concat(List.of(Movement.gather(steps, Constants.i64(0), 0), longest), 0);
        Output inSequence = Elementwise.binary("Less", Movement.unsqueeze(time, 1),
                Movement.unsqueeze(Elementwise.convert(lengths, ElementType.I64), 0));
        Output maxima = Reductions.reduce("ReduceMax", inputs, new long[] {2}, false);
        Output logProbability = Elementwise.unary("Negative", "opset1", Reductions.reduce("ReduceSum",
                Elementwise.select(inSequence, maxima, Constants.scalar(inputs.type(), 0)), new long[] {0}, false));
        return List.of(TfTensor.of(indices), TfTensor.of(values), TfTensor.of(shape),
                TfTensor.of(Movement.unsqueeze(logProbability, 1)));
    }
}
