package dev.tfir.convert;

import dev.tfir.common.graph.TensorRef;
import dev.tfir.convert.cli.ShapeText;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.IrModel;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.pipeline.Conversion;
import dev.tfir.convert.pipeline.ModelInput;
import dev.tfir.convert.write.IrFiles;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * What convert prints when done: inputs with their final shapes and preprocessing, outputs, counts of ops and
 * parameters, the files with their sizes (in mo's {@code [ SUCCESS ]} lines) and the time taken.
 */
final class ConversionSummary {
    private ConversionSummary() {}

    static void print(PrintWriter out, Conversion conversion, IrFiles.Written written, long nanos) {
        IrModel model = conversion.model();
        out.println("Model: " + conversion.form() + ", " + conversion.translatedNodes() + " TensorFlow nodes "
                + "converted");
        out.println("Inputs:");
        List<ModelInput> inputs = conversion.inputs();
        for (int i = 0; i < inputs.size(); i++) {
            ModelInput input = inputs.get(i);
            String steps = conversion.preprocessing().get(i);
            out.println("  " + input.name() + ": " + input.type().irName() + " " + ShapeText.format(input.shape())
                    + (input.frozenValue() != null ? " frozen to " + input.frozenValue() : "")
                    + (steps.isEmpty() ? "" : " (" + steps + ")"));
        }
        out.println("Outputs:");
        List<Node> results = model.results();
        for (int i = 0; i < results.size(); i++) {
            TensorRef output = conversion.outputs().get(i);
            var value = results.get(i).input(0);
            out.println("  " + (output.port() == 0 ? output.node() : output.toString()) + ": "
                    + value.type().irName() + " " + ShapeText.format(value.shape()));
        }
        List<Node> nodes = model.orderedNodes();
        long constants = nodes.stream().filter(n -> n.value() != null).count();
        long weights = nodes.stream().filter(n -> n.value() != null && n.value().type().isFloating())
                .mapToLong(n -> n.value().elementCount()).sum();
        boolean fp16 = nodes.stream().anyMatch(n -> n.value() != null && n.value().type() == ElementType.F16);
        out.println("IR: " + nodes.size() + " layers (" + (nodes.size() - constants) + " ops, " + constants
                + " constants), " + String.format(Locale.ROOT, "%,d", weights) + " weights in "
                + (fp16 ? "FP16" : "FP32"));
        out.println("[ SUCCESS ] XML file: " + written.xml() + " (" + size(written.xmlSize()) + ")");
        out.println("[ SUCCESS ] BIN file: " + written.bin() + " (" + size(written.binSize()) + ")");
        out.println(String.format(Locale.ROOT, "Done in %.2f s", nanos / 1e9));
    }

    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
