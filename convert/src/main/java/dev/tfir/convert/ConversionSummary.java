package dev.tfir.convert;

import dev.tfir.ConvertedModel;
import dev.tfir.common.graph.TensorRef;
import dev.tfir.convert.options.ShapeText;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.IrModel;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.pipeline.Conversion;
import dev.tfir.convert.pipeline.ModelInput;
import dev.tfir.convert.write.IrFiles;
import java.io.PrintWriter;
import java.util.List;
import dev.tfir.common.NumberText;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.tensorflow.proto.NodeDef;

/**
 * What convert prints when done: inputs with their final shapes and preprocessing, outputs, what was left out of
 * them (Placeholders the outputs do not need, outputs no model input reaches), counts of ops and
 * parameters, the files with their sizes (in mo's {@code [ SUCCESS ]} lines) and the time taken.
 */
public final class ConversionSummary {
    private static final int NAMES_SHOWN = 3;

    private ConversionSummary() {}

    /** Prints the summary of a conversion that took {@code nanos}. */
    public static void print(PrintWriter out, ConvertedModel converted, long nanos) {
        Conversion conversion = converted.conversion();
        IrFiles.Written written = converted.files();
        IrModel model = conversion.model();
        out.println("Model: " + conversion.form() + ", " + conversion.translatedNodes() + " TensorFlow nodes "
                + "converted");
        if (conversion.conditionals() != null) {
            out.println("Conditionals: " + conversion.conditionals());
        }
        out.println("Inputs:");
        List<ModelInput> inputs = conversion.inputs();
        for (int i = 0; i < inputs.size(); i++) {
            ModelInput input = inputs.get(i);
            String steps = conversion.preprocessing().get(i);
            out.println("  " + input.name() + ": " + input.type().irName() + " " + ShapeText.format(input.shape())
                    + (input.frozenValue() != null ? " frozen to " + input.frozenValue() : "")
                    + (steps.isEmpty() ? "" : " (" + steps + ")")
                    + (conversion.furtherInputs().contains(input.name())
                    ? " (not in --input, but the outputs need this Placeholder: a further input, as in mo)"
                    : ""));
        }
        if (!conversion.unneeded().isEmpty()) {
            out.println("  left out: " + count(conversion.unneeded().size(), "Placeholder") + " the outputs do not "
                    + "need: " + names(conversion.unneeded()));
        }
        out.println("Outputs:");
        List<Node> results = model.results();
        for (int i = 0; i < results.size(); i++) {
            TensorRef output = conversion.outputs().get(i);
            var value = results.get(i).input(0);
            out.println("  " + (output.port() == 0 ? output.node() : output.toString()) + ": "
                    + value.type().irName() + " " + ShapeText.format(value.shape()));
        }
        if (!conversion.unreached().isEmpty()) {
            out.println("  left out: " + count(conversion.unreached().size(), "training-only output")
                    + " that no model input reaches (" + opCounts(conversion.unreached()) + "): "
                    + names(conversion.unreached().stream().map(NodeDef::getName).toList())
                    + "; name them in --output to keep them");
        }
        List<Node> nodes = model.orderedNodes();
        long constants = nodes.stream().filter(n -> n.value() != null).count();
        long weights = nodes.stream().filter(n -> n.value() != null && n.value().type().isFloating())
                .mapToLong(n -> n.value().elementCount()).sum();
        boolean fp16 = nodes.stream().anyMatch(n -> n.value() != null && n.value().type() == ElementType.F16);
        out.println("IR: " + nodes.size() + " layers (" + (nodes.size() - constants) + " ops, " + constants
                + " constants), " + NumberText.grouped(weights) + " weights in "
                + (fp16 ? "FP16" : "FP32"));
        out.println("[ SUCCESS ] XML file: " + written.xml() + " (" + size(written.xmlSize()) + ")");
        out.println("[ SUCCESS ] BIN file: " + written.bin() + " (" + size(written.binSize()) + ")");
        out.println("Done in " + NumberText.fixed(nanos / 1e9, 2) + " s");
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /** Op types with their counts, most frequent first: {@code L2Loss 58}. */
    private static String opCounts(List<NodeDef> nodes) {
        Map<String, Long> counts = nodes.stream().collect(Collectors.groupingBy(NodeDef::getOp, TreeMap::new,
                Collectors.counting()));
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    /** The first names, quoted, and how many more. */
    private static String names(List<String> names) {
        String shown = names.stream().limit(NAMES_SHOWN).map(name -> "'" + name + "'")
                .collect(Collectors.joining(", "));
        return names.size() <= NAMES_SHOWN ? shown : shown + " and " + (names.size() - NAMES_SHOWN) + " more";
    }

    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return NumberText.fixed(bytes / 1024.0, 1) + " KB";
        }
        return NumberText.fixed(bytes / (1024.0 * 1024.0), 1) + " MB";
    }
}
