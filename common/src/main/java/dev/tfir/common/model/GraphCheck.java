package dev.tfir.common.model;

import dev.tfir.common.TfirException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * Checks that a parsed GraphDef is a graph and not bytes that happened to parse: at least one node, node names
 * and op types as TensorFlow allows them.
 */
final class GraphCheck {
    /** TensorFlow's node name rule (graph_constructor.cc IsValidNodeName, with '>' for scopes). */
    private static final Pattern NODE_NAME = Pattern.compile("[A-Za-z0-9._][A-Za-z0-9_.\\-/>]*");
    private static final Pattern OP_TYPE = Pattern.compile("[A-Za-z_][A-Za-z0-9_>.]*");

    private GraphCheck() {}

    static GraphDef check(GraphDef graph, Path path, String what) {
        if (graph.getNodeCount() == 0) {
            throw new TfirException(path + ": the " + what + " has no nodes; expected a TensorFlow graph");
        }
        for (int i = 0; i < graph.getNodeCount(); i++) {
            NodeDef node = graph.getNode(i);
            if (!NODE_NAME.matcher(node.getName()).matches() || !OP_TYPE.matcher(node.getOp()).matches()) {
                throw new TfirException(path + ": node #" + i + " has name '" + printable(node.getName())
                        + "' and op '" + printable(node.getOp()) + "', which TensorFlow does not allow; "
                        + "the file is not a TensorFlow " + what);
            }
        }
        return graph;
    }

    private static String printable(String s) {
        String shown = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        return shown.codePoints().map(c -> c < 0x20 || c == 0xfffd ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
