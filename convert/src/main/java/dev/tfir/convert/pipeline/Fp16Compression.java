package dev.tfir.convert.pipeline;

import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.IrModel;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Constants;
import dev.tfir.convert.ops.Elementwise;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * mo's {@code --compress_to_fp16}: every f32 constant is stored as f16 and followed by a Convert back to f32,
 * marked as decompression in its {@code rt_info}, so the model still computes in f32. Constants f16 cannot hold
 * faithfully stay f32 (values beyond its range, or mostly below its normal range: {@link ConstTensor#toHalfInRange}),
 * and so do the inputs of nodes that keep precision (the preprocessing: a mean of 116.78 would become 116.75 and
 * shift every pixel). Constant subexpressions are folded before, as they are translated.
 */
final class Fp16Compression {
    private Fp16Compression() {}

    /** Rewires the consumers of f32 constants to their decompressed f16 copies (converted in parallel). */
    static void apply(IrModel model) {
        model.graphs().forEach(Fp16Compression::compress);
    }

    private static void compress(IrModel model) {
        List<Node> nodes = model.orderedNodes();
        Set<Node> constants = new LinkedHashSet<>();
        for (Node node : nodes) {
            for (Output input : node.inputs()) {
                if (!node.keepsPrecision() && input.isConstant() && input.type() == ElementType.F32) {
                    constants.add(input.node());
                }
            }
        }
        Map<Node, Output> decompressed = new ConcurrentHashMap<>();
        constants.parallelStream().forEach(constant -> {
            ConstTensor half = constant.value().toHalfInRange();
            if (half != null) {
                decompressed.put(constant, decompress(constant, half));
            }
        });
        for (Node node : nodes) {
            for (int i = 0; i < node.inputs().size(); i++) {
                Output replacement = decompressed.get(node.input(i).node());
                if (replacement != null && !node.keepsPrecision()) {
                    node.replaceInput(i, replacement);
                }
            }
        }
    }

    /** The Convert to f32 of the constant's f16 copy. */
    private static Output decompress(Node constant, ConstTensor half) {
        Output compressed = Constants.of(half);
        compressed.node().setName(constant.name() + "_compressed");
        Output restored = Elementwise.convertNode(compressed, ElementType.F32);
        restored.node().setName(constant.name());
        restored.node().addRuntimeInfo("decompression");
        restored.node().addTensorNames(0, List.copyOf(constant.tensorNames(0)));
        return restored;
    }
}
