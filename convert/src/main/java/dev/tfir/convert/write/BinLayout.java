package dev.tfir.convert.write;

import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.progress.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each Const's bytes go in the .bin file: one after the other, in the order of the layers. Written in
 * chunks of about {@value #CHUNK_BYTES} bytes, in parallel, each at its place: derived weights (transposed,
 * converted to f16) are computed chunk by chunk as they are written and never held whole.
 */
final class BinLayout {
    private static final long CHUNK_BYTES = 8L << 20;

    /** Elements [from, from + count) of a constant, at {@code offset} in the file. */
    private record Chunk(ConstTensor value, long from, long count, long offset) {}

    private final Map<Node, Long> offsets = new IdentityHashMap<>();
    private final List<Node> constants = new ArrayList<>();
    private final ThreadLocal<ByteBuffer> buffers = new ThreadLocal<>();
    private final Progress progress;
    private long size;

    BinLayout(List<Node> nodes, Progress progress) {
        this.progress = progress;
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

    void writeTo(FileChannel file) throws IOException {
        progress.step("writing the weights", size);
        try {
            chunks().parallelStream().forEach(chunk -> write(chunk, file));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private List<Chunk> chunks() {
        List<Chunk> chunks = new ArrayList<>();
        for (Node node : constants) {
            ConstTensor value = node.value();
            long elementSize = value.type().byteSize();
            long unit = value.chunkUnit();
            long step = Math.max(1, CHUNK_BYTES / (unit * elementSize)) * unit;
            long offset = offsets.get(node);
            for (long from = 0; from < value.elementCount(); from += step) {
                long count = Math.min(step, value.elementCount() - from);
                chunks.add(new Chunk(value, from, count, offset + from * elementSize));
            }
        }
        return chunks;
    }

    private void write(Chunk chunk, FileChannel file) {
        ByteBuffer buffer = buffer(Math.toIntExact(chunk.count() * chunk.value().type().byteSize()));
        chunk.value().copyElements(chunk.from(), chunk.count(), buffer);
        buffer.flip();
        try {
            long at = chunk.offset();
            while (buffer.hasRemaining()) {
                at += file.write(buffer, at);
            }
            progress.advance(at - chunk.offset());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * This thread's direct buffer, cleared, with room for {@code bytes}: a chunk's size, or the whole file's when
     * that is smaller (the JDK zeroes a new buffer; 8 MB of zeroes cost a small model's conversion 6 ms).
     */
    private ByteBuffer buffer(int bytes) {
        ByteBuffer buffer = buffers.get();
        if (buffer == null || buffer.capacity() < bytes) {
            int capacity = (int) Math.max(bytes, Math.min(size, CHUNK_BYTES));
            buffer = ByteBuffer.allocateDirect(capacity).order(ByteOrder.LITTLE_ENDIAN);
            buffers.set(buffer);
        }
        return buffer.clear().limit(bytes);
    }
}
