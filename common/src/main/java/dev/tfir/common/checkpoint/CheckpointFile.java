package dev.tfir.common.checkpoint;

import dev.tfir.common.TfirException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Checksum;

/**
 * One open file of a checkpoint, read by positional reads only (safe from several threads). Every read is checked
 * against the file's size before anything is allocated, so a damaged or hostile offset or length gives a
 * {@link TfirException} naming the file instead of a huge allocation or a short read.
 */
final class CheckpointFile implements AutoCloseable {
    /** Bytes read per system call, so that no native copy of a whole tensor is made. */
    private static final int CHUNK = 1 << 20;

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
     * Reads bytes [offset, offset + length) into a new array. {@code what} names the content ("tensor 'w'",
     * "SSTable block") for the error when the range lies beyond the end of the file.
     */
    byte[] read(long offset, long length, String what) {
        return read(offset, length, what, null);
    }

    /** {@link #read(long, long, String)}, updating {@code checksum} (if not null) with each chunk as it comes in. */
    byte[] read(long offset, long length, String what, Checksum checksum) {
        if (!contains(offset, length)) {
            throw new TfirException(path + ": " + what + " declares bytes [" + offset + ", "
                    + (offset + length) + ") but the file has only " + size
                    + " bytes: the file is truncated or the checkpoint is damaged; copy it again from its source");
        }
        if (length > Checkpoint.MAX_TENSOR_BYTES) {
            throw new TfirException(path + ": " + what + " has " + length
                    + " bytes; values over 2 GiB are not supported");
        }
        byte[] bytes = new byte[(int) length];
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            while (buffer.position() < bytes.length) {
                // at most CHUNK bytes a call: the JDK reads a heap buffer through a native buffer of the same size
                buffer.limit(Math.min(bytes.length, buffer.position() + CHUNK));
                int n = channel.read(buffer, offset + buffer.position());
                if (n < 0) {
                    throw new TfirException(path + ": the file became shorter while reading " + what);
                }
                if (checksum != null) {
                    checksum.update(bytes, buffer.position() - n, n);
                }
            }
        } catch (IOException e) {
            throw new TfirException(path + ": cannot read " + what + " (" + e.getMessage() + ")", e);
        }
        bytesRead.addAndGet(length);
        return bytes;
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
