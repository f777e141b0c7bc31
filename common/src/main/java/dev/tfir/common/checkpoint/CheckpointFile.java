package dev.tfir.common.checkpoint;

import dev.tfir.common.TfirException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One open file of a checkpoint, read by positional reads and read-only mappings only (safe from several
 * threads). Every range is checked against the file's size before anything is allocated or mapped, so a damaged
 * or hostile offset or length gives a {@link TfirException} naming the file instead of a huge allocation or a
 * short read.
 */
final class CheckpointFile implements AutoCloseable {
    /** Ranges from this size up are mapped, not copied: tensors and the blocks of V1 files that hold them. */
    static final int MAP_THRESHOLD = 1 << 20;
    /** The parts a range over 2 GiB is mapped in. */
    static final long PART_BYTES = 1L << 30;

    private final Path path;
    private final FileChannel channel;
    private final long size;
    private final AtomicLong bytesRead;

    private CheckpointFile(Path path, FileChannel channel, long size, AtomicLong bytesRead) {
        this.path = path;
        this.channel = channel;
        this.size = size;
        this.bytesRead = bytesRead;
    }

    /** Opens {@code path}; {@code what} says what the file should be, for the error when it is missing. */
    static CheckpointFile open(Path path, String what, AtomicLong bytesRead) {
        try {
            FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
            return new CheckpointFile(path, channel, channel.size(), bytesRead);
        } catch (NoSuchFileException e) {
            throw new TfirException(path + ": no such file (" + what + ")");
        } catch (AccessDeniedException e) {
            throw new TfirException(path + ": permission denied (" + what + ")");
        } catch (IOException e) {
            throw new TfirException(path + ": cannot open " + what + " (" + e.getMessage() + ")", e);
        }
    }

    Path path() {
        return path;
    }

    long size() {
        return size;
    }

    /** True when bytes [offset, offset + length) lie inside the file. */
    boolean contains(long offset, long length) {
        return offset >= 0 && length >= 0 && offset <= size && length <= size - offset;
    }

    /**
     * The bytes [offset, offset + length): a range under {@link #MAP_THRESHOLD} bytes is read into a new heap
     * buffer; a larger one is mapped read-only (no copy: its pages are read from the page cache when first touched,
     * and the mapping stays valid after the file is closed). {@code what} names the content ("tensor 'w'",
     * "SSTable block") for the error when the range lies beyond the end of the file. The buffer is positioned at 0.
     */
    ByteBuffer read(long offset, long length, String what) {
        checkRange(offset, length, what);
        if (length > Checkpoint.MAX_TENSOR_BYTES) {
            throw new TfirException(path + ": " + what + " has " + length
                    + " bytes; values over 2 GiB are not supported");
        }
        try {
            ByteBuffer bytes = length < MAP_THRESHOLD ? readSmall(offset, (int) length, what) : map(offset, length);
            bytesRead.addAndGet(length);
            return bytes;
        } catch (IOException e) {
            throw new TfirException(path + ": cannot read " + what + " (" + e.getMessage() + ")", e);
        }
    }

    /** As {@link #read}, in consecutive parts of {@link #PART_BYTES} (the last shorter) when over 2 GiB. */
    List<ByteBuffer> readParts(long offset, long length, String what) {
        if (length <= Checkpoint.MAX_TENSOR_BYTES) {
            return List.of(read(offset, length, what));
        }
        checkRange(offset, length, what);
        List<ByteBuffer> parts = new ArrayList<>();
        try {
            for (long done = 0; done < length; done += PART_BYTES) {
                parts.add(map(offset + done, Math.min(PART_BYTES, length - done)));
            }
        } catch (IOException e) {
            throw new TfirException(path + ": cannot read " + what + " (" + e.getMessage() + ")", e);
        }
        bytesRead.addAndGet(length);
        return parts;
    }

    private void checkRange(long offset, long length, String what) {
        if (!contains(offset, length)) {
            throw new TfirException(path + ": " + what + " declares bytes [" + offset + ", "
                    + (offset + length) + ") but the file has only " + size
                    + " bytes: the file is truncated or the checkpoint is damaged; copy it again from its source");
        }
    }

    private ByteBuffer map(long offset, long length) throws IOException {
        ByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, offset, length);
        MappingScope.made(bytes);
        return bytes;
    }

    private ByteBuffer readSmall(long offset, int length, String what) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) {
                throw new TfirException(path + ": the file became shorter while reading " + what);
            }
        }
        return buffer.flip();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was written; a failed close of a read-only channel loses nothing
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
