package dev.tfir.common.checkpoint;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The decoded contents of one SSTable block: prefix-compressed entries ({@code varint32 shared, varint32
 * unshared, varint32 value_length, key delta, value}), then the restart array ({@code uint32[num_restarts],
 * uint32 num_restarts}); at a restart point {@code shared} is 0. Keys compare as unsigned bytes.
 */
final class SsBlock {
    /** One key/value pair; the value is a view into the block's bytes. */
    record Entry(byte[] key, ByteBuffer block, int valueOffset, int valueLength) {
        /** The value, positioned at 0. */
        ByteBuffer value() {
            return block.slice(valueOffset, valueLength);
        }

        byte[] valueBytes() {
            byte[] value = new byte[valueLength];
            block.get(valueOffset, value);
            return value;
        }
    }

    private final ByteBuffer data;
    private final int start;
    private final int restartsOffset;
    private final int numRestarts;

    /** The block in {@code data[start, start + length)}; throws when its restart array does not fit. */
    SsBlock(ByteBuffer data, int start, int length) throws ByteReader.Truncated {
        if (length < 4) {
            throw new ByteReader.Truncated("a block of " + length + " bytes, too short for its restart count");
        }
        this.data = data;
        this.start = start;
        this.numRestarts = new ByteReader(data, start + length - 4, start + length).fixed32();
        long arrayBytes = 4L * numRestarts + 4;
        if (numRestarts < 0 || arrayBytes > length) {
            throw new ByteReader.Truncated("a block of " + length + " bytes with "
                    + Integer.toUnsignedString(numRestarts) + " restart points");
        }
        this.restartsOffset = start + length - (int) arrayBytes;
    }

    /** Calls {@code visitor} with every entry, in order. */
    void forEach(Consumer<Entry> visitor) throws ByteReader.Truncated {
        ByteReader in = new ByteReader(data, start, restartsOffset);
        byte[] key = new byte[0];
        while (in.hasRemaining()) {
            Entry entry = next(in, key);
            key = entry.key();
            visitor.accept(entry);
        }
    }

    /** The entry whose key equals {@code target}, or null. */
    Entry find(byte[] target) throws ByteReader.Truncated {
        if (restartsOffset == start) {
            return null;
        }
        // binary search for the last restart point whose key is < target, then scan forward
        int low = 0;
        int high = numRestarts - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            Entry atRestart = next(new ByteReader(data, restartPoint(mid), restartsOffset), new byte[0]);
            if (Arrays.compareUnsigned(atRestart.key(), target) < 0) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        ByteReader in = new ByteReader(data, numRestarts == 0 ? start : restartPoint(low), restartsOffset);
        byte[] key = new byte[0];
        while (in.hasRemaining()) {
            Entry entry = next(in, key);
            key = entry.key();
            int order = Arrays.compareUnsigned(key, target);
            if (order == 0) {
                return entry;
            }
            if (order > 0) {
                return null;
            }
        }
        return null;
    }

    private int restartPoint(int i) throws ByteReader.Truncated {
        int offset = new ByteReader(data, restartsOffset + 4 * i, restartsOffset + 4 * i + 4).fixed32();
        if (offset < 0 || offset >= restartsOffset - start) {
            throw new ByteReader.Truncated("restart point " + i + " at offset " + Integer.toUnsignedString(offset)
                    + " outside the block's " + (restartsOffset - start) + " bytes of entries");
        }
        return start + offset;
    }

    private Entry next(ByteReader in, byte[] previousKey) throws ByteReader.Truncated {
        int shared = in.varint32();
        int unshared = in.varint32();
        int valueLength = in.varint32();
        if (shared > previousKey.length) {
            throw new ByteReader.Truncated("an entry sharing " + shared + " bytes of a " + previousKey.length
                    + "-byte previous key");
        }
        int keyAt = in.skip(unshared);
        byte[] key = Arrays.copyOf(previousKey, shared + unshared);
        data.get(keyAt, key, shared, unshared);
        int valueAt = in.skip(valueLength);
        return new Entry(key, data, valueAt, valueLength);
    }
}
