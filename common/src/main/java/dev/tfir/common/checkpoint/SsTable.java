package dev.tfir.common.checkpoint;

import dev.tfir.common.TfirException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * A reader of TensorFlow's SSTable files (LevelDB's table format, without filter blocks): the {@code .index} of a
 * V2 checkpoint and every V1 checkpoint file.
 *
 * <p>Layout: data blocks, the (empty) metaindex block, the index block, and a 48-byte footer holding the two
 * block handles and the magic number. Each block is followed by a 5-byte trailer: the compression type (0 none,
 * 1 Snappy) and the masked CRC32C of the stored block bytes plus that type byte, checked on every block read.
 * The index block maps a separator key (at least the block's last key, less than the next block's first) to
 * each data block's handle.
 *
 * <p>Only the footer and the index block are read when the table is opened; a data block is read when an entry
 * in it is asked for. The most recent small block is kept for the next lookup.
 */
final class SsTable {
    static final int FOOTER_SIZE = 48;
    private static final long MAGIC = 0xdb4775248b80fb57L;

    private record IndexEntry(byte[] separator, BlockHandle handle) {}

    private record CachedBlock(BlockHandle handle, SsBlock block) {}

    private final CheckpointFile file;
    private final List<IndexEntry> index;
    private volatile CachedBlock cached;

    private SsTable(CheckpointFile file, List<IndexEntry> index) {
        this.file = file;
        this.index = index;
    }

    /** Reads the footer and the index block of {@code file}; {@code expected} names the file's role for errors. */
    static SsTable open(CheckpointFile file, String expected) {
        if (file.size() < FOOTER_SIZE) {
            throw new TfirException(file + ": only " + file.size() + " bytes, too short for " + expected
                    + " (an SSTable ends with a 48-byte footer): the file is truncated or not a checkpoint");
        }
        ByteBuffer footer = file.read(file.size() - FOOTER_SIZE, FOOTER_SIZE, "the SSTable footer");
        ByteReader in = new ByteReader(footer, 0, FOOTER_SIZE);
        BlockHandle indexHandle;
        try {
            ByteReader magic = new ByteReader(footer, 40, FOOTER_SIZE);
            long value = magic.fixed32() & 0xffffffffL | (long) magic.fixed32() << 32;
            if (value != MAGIC) {
                throw new TfirException(file + ": not " + expected + ": no SSTable footer (bad magic number in the"
                        + " last 48 bytes); the file is truncated or not a TensorFlow checkpoint");
            }
            BlockHandle.decode(in); // the metaindex block: always empty in TensorFlow's tables
            indexHandle = BlockHandle.decode(in);
        } catch (ByteReader.Truncated e) {
            throw new TfirException(file + ": the SSTable footer is malformed (" + e.getMessage()
                    + "): the file is damaged; copy it again from its source");
        }
        List<IndexEntry> index = new ArrayList<>();
        SsBlock indexBlock = readBlock(file, indexHandle, "the SSTable index block");
        try {
            indexBlock.forEach(entry -> {
                try {
                    ByteReader handle = new ByteReader(entry.block(), entry.valueOffset(),
                            entry.valueOffset() + entry.valueLength());
                    index.add(new IndexEntry(entry.key(), BlockHandle.decode(handle)));
                } catch (ByteReader.Truncated e) {
                    throw new TfirException(file + ": the SSTable index block " + indexHandle.range()
                            + " holds a malformed block handle: the file is damaged; copy it again from its source");
                }
            });
        } catch (ByteReader.Truncated e) {
            throw malformed(file, indexHandle, "the SSTable index block", e);
        }
        return new SsTable(file, index);
    }

    CheckpointFile file() {
        return file;
    }

    /** The entry with exactly {@code key}, or null; {@code forWhat} ("tensor 'w'") is named in errors. */
    SsBlock.Entry get(byte[] key, String forWhat) {
        int low = 0;
        int high = index.size();
        while (low < high) { // first index entry whose separator is >= key
            int mid = (low + high) >>> 1;
            if (Arrays.compareUnsigned(index.get(mid).separator(), key) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        if (low == index.size()) {
            return null;
        }
        BlockHandle handle = index.get(low).handle();
        String what = "the SSTable block holding " + forWhat;
        try {
            return block(handle, what).find(key);
        } catch (ByteReader.Truncated e) {
            throw malformed(file, handle, what, e);
        }
    }

    /** Calls {@code visitor} with every entry in key order, reading one data block at a time. */
    void forEach(Consumer<SsBlock.Entry> visitor) {
        for (IndexEntry entry : index) {
            String what = "an SSTable data block";
            try {
                readBlock(file, entry.handle(), what).forEach(visitor);
            } catch (ByteReader.Truncated e) {
                throw malformed(file, entry.handle(), what, e);
            }
        }
    }

    private SsBlock block(BlockHandle handle, String what) {
        CachedBlock last = cached;
        if (last != null && last.handle().equals(handle)) {
            return last.block();
        }
        SsBlock block = readBlock(file, handle, what);
        if (handle.size() + BlockHandle.TRAILER_SIZE < CheckpointFile.MAP_THRESHOLD) { // a small block, on the heap
            cached = new CachedBlock(handle, block);
        }
        return block;
    }

    /**
     * Reads a block and its trailer, checks the CRC, and decompresses a Snappy block. An uncompressed block is used
     * where it was read: a large one (a V1 record holding a big tensor) is a view of the mapped file.
     */
    static SsBlock readBlock(CheckpointFile file, BlockHandle handle, String what) {
        if (handle.size() < 0 || handle.size() > Long.MAX_VALUE - BlockHandle.TRAILER_SIZE) {
            throw new TfirException(file + ": " + what + " has a block handle of size " + handle.size()
                    + ": the file is damaged; copy it again from its source");
        }
        ByteBuffer bytes = file.read(handle.offset(), handle.size() + BlockHandle.TRAILER_SIZE, what);
        int n = bytes.limit() - BlockHandle.TRAILER_SIZE;
        int type = bytes.get(n) & 0xff;
        try {
            int stored = MaskedCrc32c.unmask(new ByteReader(bytes, n + 1, n + 5).fixed32());
            int actual = MaskedCrc32c.crc(bytes, 0, n + 1);
            if (stored != actual) {
                throw new TfirException(file + ": " + what + " (bytes " + handle.range() + ") fails its CRC32C check"
                        + " (stored " + MaskedCrc32c.hex(stored) + ", computed " + MaskedCrc32c.hex(actual)
                        + "): the file is damaged; copy it again from its source");
            }
            return switch (type) {
                case 0 -> new SsBlock(bytes, 0, n);
                case 1 -> {
                    byte[] plain = Snappy.decompress(bytes, 0, n);
                    yield new SsBlock(ByteBuffer.wrap(plain), 0, plain.length);
                }
                default -> throw new TfirException(file + ": " + what + " (bytes " + handle.range()
                        + ") has compression type " + type + "; TensorFlow writes 0 (none) or 1 (Snappy)"
                        + ": the file is damaged or not a TensorFlow checkpoint");
            };
        } catch (ByteReader.Truncated e) {
            throw malformed(file, handle, what, e);
        }
    }

    private static TfirException malformed(CheckpointFile file, BlockHandle handle, String what,
                                           ByteReader.Truncated e) {
        return new TfirException(file + ": " + what + " (bytes " + handle.range() + ") is malformed ("
                + e.getMessage() + "): the file is damaged; copy it again from its source");
    }
}
