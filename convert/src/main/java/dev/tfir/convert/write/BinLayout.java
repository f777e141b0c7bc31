package dev.tfir.convert.write;

import dev.tfir.convert.ir.Node;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Where each Const's bytes go in the .bin file: one after the other, in the order of the layers. */
final class BinLayout {
    private final Map<Node, Long> offsets = new IdentityHashMap<>();
    private final List<Node> constants = new ArrayList<>();
    private long size;

    BinLayout(List<Node> nodes) {
        for (Node node : nodes) {
            if (node.value() != null) {
                offsets.put(node, size);
                constants.add(node);
                size += node.value().byteSize();
            }
        }
    }

    long offset(Node constant) {
        return offsets.get(constant);
    }

    long size() {
        return size;
    }

    void writeTo(OutputStream out) throws IOException {
        WritableByteChannel channel = Channels.newChannel(out);
        for (Node constant : constants) {
            ByteBuffer data = constant.value().data();
            while (data.hasRemaining()) {
                channel.write(data);
            }
        }
    }
}
