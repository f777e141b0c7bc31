package dev.tfir.common.model;

import dev.tfir.common.TfirException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.NodeDef;

/**
 * The output arguments of TensorFlow's ops (from TensorFlow's own OpDefs, written by
 * {@code tools/models/make_op_outputs.py} into {@code op-outputs.txt}), to turn a function body's
 * {@code node:out_arg:index} into the node's flat output index, and back ({@link Tf1Loops} writes function
 * bodies). Ops the file does not list have one output argument of one tensor.
 */
final class OpOutputs {
    private static final Map<String, List<String>> ARGS = read();

    private OpOutputs() {}

    /** The flat output index of {@code node}'s output argument {@code arg}, element {@code index}. */
    static int flatIndex(NodeDef node, String arg, int index, String where) {
        List<String> args = ARGS.get(node.getOp());
        if (args == null) {
            return index;
        }
        int start = 0;
        for (String spec : args) {
            String[] parts = spec.split("[*+]");
            if (parts[0].equals(arg)) {
                return start + index;
            }
            start += count(node, spec, parts);
        }
        throw new TfirException(where + ": node '" + node.getName() + "' (" + node.getOp() + ") has no output '" + arg
                + "'; the function body is not one TensorFlow wrote");
    }

    /**
     * The {@code out_arg:index} a function body names {@code node}'s flat output {@code flat} by; refused for ops
     * the file does not list (not TensorFlow's own).
     */
    static String argOf(NodeDef node, int flat, String where) {
        List<String> args = ARGS.get(node.getOp());
        int start = 0;
        for (String spec : args == null ? List.<String>of() : args) {
            String[] parts = spec.split("[*+]");
            int count = count(node, spec, parts);
            if (flat < start + count) {
                return parts[0] + ":" + (flat - start);
            }
            start += count;
        }
        throw new TfirException(where + ": node '" + node.getName() + "' (" + node.getOp() + ") has no output "
                + flat + " TensorFlow knows of; it cannot be written into a function body");
    }

    private static int count(NodeDef node, String spec, String[] parts) {
        if (parts.length == 1) {
            return 1;
        }
        AttrValue attr = node.getAttrOrDefault(parts[1], AttrValue.getDefaultInstance());
        return spec.contains("*") ? (int) attr.getI() : attr.getList().getTypeCount();
    }

    private static Map<String, List<String>> read() {
        Map<String, List<String>> args = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                OpOutputs.class.getResourceAsStream("op-outputs.txt"), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] words = line.trim().split(" ");
                    args.put(words[0], Arrays.asList(words).subList(1, words.length));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return args;
    }
}
