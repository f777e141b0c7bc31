package dev.tfir.convert.pipeline;

import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.IrModel;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Constants;
import dev.tfir.convert.ops.Elementwise;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds a BatchNormInference that only follows a convolution into it, as mo's fusing does: the filters of each
 * output channel are multiplied by gamma / sqrt(variance + epsilon) (in double precision), and the rest becomes
 * one Add of beta - mean * that scale. Besides saving work, weights then lose precision once, not twice, when they
 * are compressed to FP16.
 */
final class BatchNormFolding {
    private BatchNormFolding() {}

    static void apply(IrModel model) {
        List<Node> nodes = model.orderedNodes();
        Map<Node, Integer> uses = new HashMap<>();
        for (Node node : nodes) {
            node.inputs().forEach(input -> uses.merge(input.node(), 1, Integer::sum));
        }
        Map<Output, Output> replaced = new HashMap<>();
        for (Node node : nodes) {
            for (int i = 0; i < node.inputs().size(); i++) {
                Output replacement = replaced.get(node.input(i));
                if (replacement != null) {
                    node.replaceInput(i, replacement);
                }
            }
            if (foldable(node, uses)) {
                replaced.put(node.output(0), fold(node));
            }
        }
    }

    private static boolean foldable(Node batchNorm, Map<Node, Integer> uses) {
        if (!batchNorm.type().equals("BatchNormInference")) {
            return false;
        }
        Node conv = batchNorm.input(0).node();
        boolean convolution = conv.type().equals("Convolution") || conv.type().equals("GroupConvolution");
        boolean constants = batchNorm.inputs().subList(1, 5).stream().allMatch(Output::isConstant);
        return convolution && uses.get(conv) == 1 && constants && conv.input(1).isConstant()
                && conv.input(1).type() == ElementType.F32;
    }

    /** Scales the convolution's filters and returns the Add that replaces the batch norm's output. */
    private static Output fold(Node batchNorm) {
        double[] gamma = batchNorm.input(1).constant().doubles();
        double[] beta = batchNorm.input(2).constant().doubles();
        double[] mean = batchNorm.input(3).constant().doubles();
        double[] variance = batchNorm.input(4).constant().doubles();
        double epsilon = Double.parseDouble(batchNorm.attributes().get("epsilon"));
        int channels = gamma.length;
        double[] scale = new double[channels];
        double[] shift = new double[channels];
        for (int c = 0; c < channels; c++) {
            scale[c] = gamma[c] / Math.sqrt(variance[c] + epsilon);
            shift[c] = beta[c] - mean[c] * scale[c];
        }
        Node conv = batchNorm.input(0).node();
        conv.replaceInput(1, Constants.of(conv.input(1).constant().scaledPerBlock(scale)));
        long[] shape = new long[conv.outputShape(0).rank()];
        Arrays.fill(shape, 1);
        shape[1] = channels;
        Output add = Elementwise.add(conv.output(0),
                Constants.of(ConstTensor.ofDoubles(conv.outputType(0), shape, shift)));
        add.node().setName(batchNorm.name());
        add.node().addTensorNames(0, List.copyOf(batchNorm.tensorNames(0)));
        return add;
    }
}
