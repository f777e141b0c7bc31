package dev.tfir.common.model;

import dev.tfir.common.TfirException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
    private static final Map<String, List<OutputArg>> ARGS = read();

    /**
     * An output argument: its name and, for a list of tensors, the attribute counting them: {@code N} of
     * {@code output*N} (a number) or {@code T} of {@code output+T} (a list of types).
     */
    private record OutputArg(String name, String countAttr, boolean typeList) {
        static OutputArg parse(String spec) {
            int mark = Math.max(spec.indexOf('*'), spec.indexOf('+'));
            return mark < 0 ? new OutputArg(spec, null, false)
                    : new OutputArg(spec.substring(0, mark), spec.substring(mark + 1), spec.charAt(mark) == '+');
        }

        int count(NodeDef node) {
            if (countAttr == null) {
                return 1;
            }
            AttrValue attr = node.getAttrOrDefault(countAttr, AttrValue.getDefaultInstance());
            return typeList ? attr.getList().getTypeCount() : (int) attr.getI();
        }
    }

    private OpOutputs() {}

    /** The flat output index of {@code node}'s output argument {@code arg}, element {@code index}. */
    static int flatIndex(NodeDef node, String arg, int index, String where) {
        List<OutputArg> args = ARGS.get(node.getOp());
        if (args == null) {
            return index;
        }
        int start = 0;
        for (OutputArg output : args) {
            if (output.name().equals(arg)) {
                return start + index;
            }
            start += output.count(node);
        }
        throw new TfirException(where + ": node '" + node.getName() + "' (" + node.getOp() + ") has no output '" + arg
                + "'; the function body is not one TensorFlow wrote");
    }

    /**
     * The {@code out_arg:index} a function body names {@code node}'s flat output {@code flat} by; refused for ops
     * the file does not list (not TensorFlow's own).
     */
    static String argOf(NodeDef node, int flat, String where) {
        List<OutputArg> args = ARGS.get(node.getOp());
        int start = 0;
        for (OutputArg output : args == null ? List.<OutputArg>of() : args) {
            int count = output.count(node);
            if (flat < start + count) {
                return output.name() + ":" + (flat - start);
            }
            start += count;
        }
        throw new TfirException(where + ": node '" + node.getName() + "' (" + node.getOp() + ") has no output "
                + flat + " TensorFlow knows of; it cannot be written into a function body");
    }

    private static Map<String, List<OutputArg>> read() {
        Map<String, List<OutputArg>> args = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                OpOutputs.class.getResourceAsStream("op-outputs.txt"), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] words = line.trim().split(" ");
                    List<OutputArg> outputs = new ArrayList<>(words.length - 1);
                    for (int i = 1; i < words.length; i++) {
                        outputs.add(OutputArg.parse(words[i]));
                    }
                    args.put(words[0], outputs);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return args;
    }
}
