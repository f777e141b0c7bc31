package dev.tfir.common.checkpoint;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * CRC-32C (Castagnoli) as TensorFlow and LevelDB store it: "masked" (rotated right by 15 bits plus a constant), so
 * that the CRC of data holding embedded CRCs stays well distributed.
 */
final class MaskedCrc32c {
    private static final int MASK_DELTA = 0xa282ead8;

    private MaskedCrc32c() {}

    static int mask(int crc) {
        return Integer.rotateRight(crc, 15) + MASK_DELTA;
    }

    static int unmask(int masked) {
        return Integer.rotateLeft(masked - MASK_DELTA, 15);
    }

    /** The plain CRC-32C of {@code length} bytes of {@code bytes} from index {@code offset}. */
    static int crc(ByteBuffer bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes.slice(offset, length));
        return (int) crc.getValue();
    }

    /** The plain CRC-32C of the bytes of {@code parts} (positions to limits), one after the other. */
    static int crc(List<ByteBuffer> parts) {
        CRC32C crc = new CRC32C();
        parts.forEach(part -> crc.update(part.duplicate()));
        return (int) crc.getValue();
    }

    static String hex(int value) {
        return String.format("0x%08x", value);
    }
}
