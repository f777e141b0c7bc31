package dev.tfir.summarize.repl;

import dev.tfir.common.graph.TensorRef;
import dev.tfir.common.graph.TfGraph;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.NodeDef;

/**
 * The TF1 while-loop frames nodes run in, as TensorFlow's executor assigns them: an Enter opens its
 * {@code frame_name} inside its input's frame, an Exit leaves it, every other node runs in the innermost frame of
 * its inputs (data and control). A NextIteration's back edge into a Merge is not needed to know it.
 */
final class WhileFrames {
    private final List<List<String>> frames;

    WhileFrames(TfGraph graph) {
        frames = new ArrayList<>(graph.size());
        for (int i = 0; i < graph.size(); i++) {
            frames.add(null);
        }
        for (NodeDef node : graph.importOrder()) {
            List<String> frame = List.of();
            for (String input : node.getInputList()) {
                List<String> other = frames.get(graph.indexOf(TensorRef.parse(input).node()));
                frame = other != null && other.size() > frame.size() ? other : frame;
            }
            if (node.getOp().equals("Enter") || node.getOp().equals("RefEnter")) {
                List<String> inner = new ArrayList<>(frame);
                inner.add(node.getAttrOrDefault("frame_name", AttrValue.getDefaultInstance()).getS().toStringUtf8());
                frame = List.copyOf(inner);
            } else if ((node.getOp().equals("Exit") || node.getOp().equals("RefExit")) && !frame.isEmpty()) {
                frame = frame.subList(0, frame.size() - 1);
            }
            frames.set(graph.indexOf(node.getName()), frame);
        }
    }

    /** The frames a node runs in, outermost first (empty: the root frame). */
    List<String> of(int node) {
        List<String> frame = frames.get(node);
        return frame == null ? List.of() : frame;
    }
}
