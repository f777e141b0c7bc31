package dev.tfir.common.checkpoint;

import java.nio.ByteBuffer;

/**
 * A decoder of Snappy's raw block format (not the framed stream format), as TensorFlow's SSTable reader accepts
 * for blocks of compression type 1. Format: the uncompressed length as a varint, then elements, each a tag byte
 * whose low two bits say: 0 literal (length in the tag, or in 1-4 following bytes), 1 copy with a 1-byte offset
 * (length 4-11), 2 copy with a 2-byte offset, 3 copy with a 4-byte offset (length 1-64). Copies may overlap
 * their own output (a run).
 */
final class Snappy {
    /**
     * The largest expansion Snappy can encode: a 2-byte copy element writes at most 11 bytes, a 3-byte one 64. A
     * declared length beyond this bound is a damaged or hostile block, rejected before allocating.
     */
    static final int MAX_EXPANSION = 22;

    private Snappy() {}

    /** Decompresses {@code length} bytes of {@code input} from index {@code offset}. */
    static byte[] decompress(ByteBuffer input, int offset, int length) throws ByteReader.Truncated {
        ByteReader in = new ByteReader(input, offset, offset + length);
        long declared = in.varint64();
        if (declared < 0 || declared > (long) MAX_EXPANSION * length + 64 || declared > Checkpoint.MAX_TENSOR_BYTES) {
            throw new ByteReader.Truncated("a Snappy block of " + length + " bytes that claims "
                    + Long.toUnsignedString(declared) + " uncompressed bytes");
        }
        byte[] out = new byte[(int) declared];
        int produced = 0;
        while (in.hasRemaining()) {
            int tag = in.u8();
            int upper = tag >>> 2;
            if ((tag & 3) == 0) {
                int literal = upper < 60 ? upper + 1 : (int) (littleEndian(in, upper - 59) + 1);
                if (literal <= 0 || literal > out.length - produced) {
                    throw new ByteReader.Truncated("a Snappy literal past the declared length");
                }
                input.get(in.skip(literal), out, produced, literal);
                produced += literal;
                continue;
            }
            int copyLength;
            long distance;
            switch (tag & 3) {
                case 1 -> {
                    copyLength = 4 + (upper & 7);
                    distance = (long) (upper >>> 3) << 8 | in.u8();
                }
                case 2 -> {
                    copyLength = upper + 1;
                    distance = littleEndian(in, 2);
                }
                default -> {
                    copyLength = upper + 1;
                    distance = littleEndian(in, 4);
                }
            }
            if (distance <= 0 || distance > produced || copyLength > out.length - produced) {
                throw new ByteReader.Truncated("a Snappy copy of " + copyLength + " bytes from distance " + distance
                        + " at output offset " + produced);
            }
            int from = produced - (int) distance;
            for (int i = 0; i < copyLength; i++) {
                out[produced++] = out[from + i];
            }
        }
        if (produced != out.length) {
            throw new ByteReader.Truncated("a Snappy block that produces " + produced + " of its declared "
                    + out.length + " bytes");
        }
        return out;
    }

    private static long littleEndian(ByteReader in, int bytes) throws ByteReader.Truncated {
        long value = 0;
        for (int i = 0; i < bytes; i++) {
            value |= (long) in.u8() << (8 * i);
        }
        return value;
    }
}
