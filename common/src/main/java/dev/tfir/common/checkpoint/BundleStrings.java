package dev.tfir.common.checkpoint;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The V2 on-disk form of a string tensor ({@code WriteStringTensor} in tensor_bundle.cc): a varint64 length per
 * element, a 4-byte masked CRC32C of the lengths, then the bytes of every element. The entry's CRC covers each
 * length (as a little-endian uint32, or uint64 beyond 4 GiB), the 4 length-CRC bytes and all string bytes. In a
 * checkpoint written on a big-endian host, both CRCs were computed on big-endian lengths and the length CRC is
 * stored big-endian: TensorFlow swaps them before checking, and so does this.
 */
final class BundleStrings {
    /** A string tensor whose bytes do not match its entry. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private BundleStrings() {}

    /**
     * Decodes {@code elements} strings from {@code bytes} and checks both CRCs against {@code maskedCrc};
     * {@code bigEndian}: the checkpoint's header says it was written on a big-endian host.
     */
    static List<byte[]> decode(ByteBuffer bytes, long elements, int maskedCrc, boolean bigEndian) throws Malformed {
        int size = bytes.limit();
        if (elements > size) {
            throw new Malformed(elements + " elements cannot fit in " + size + " bytes");
        }
        ByteReader in = new ByteReader(bytes, 0, size);
        CRC32C crc = new CRC32C();
        long[] lengths = new long[(int) elements];
        long total = 0;
        try {
            for (int i = 0; i < lengths.length; i++) {
                long length = in.varint64();
                lengths[i] = length;
                if (length < 0 || length > size) {
                    throw new Malformed("element " + i + " declares " + Long.toUnsignedString(length)
                            + " bytes, more than the tensor's " + size);
                }
                total += length;
                int width = length <= 0xffffffffL ? 4 : 8;
                for (int b = 0; b < width; b++) {
                    crc.update((int) (length >>> (8 * (bigEndian ? width - 1 - b : b))));
                }
            }
            int lengthsCrcAt = in.position();
            int storedLengthsCrc = bigEndian ? Integer.reverseBytes(in.fixed32()) : in.fixed32();
            int lengthsCrc = MaskedCrc32c.mask((int) crc.getValue());
            if (storedLengthsCrc != lengthsCrc) {
                throw new Malformed("its lengths fail their CRC32C check (stored "
                        + MaskedCrc32c.hex(MaskedCrc32c.unmask(storedLengthsCrc)) + ", computed "
                        + MaskedCrc32c.hex(MaskedCrc32c.unmask(lengthsCrc)) + ")");
            }
            crc.update(bytes.slice(lengthsCrcAt, 4));
            if (total != in.remaining()) {
                throw new Malformed("its lengths add up to " + total + " bytes but " + in.remaining() + " follow them");
            }
            crc.update(bytes.slice(in.position(), in.remaining()));
            int actual = (int) crc.getValue();
            if (actual != MaskedCrc32c.unmask(maskedCrc)) {
                throw new Malformed("it fails its CRC32C check (stored " + MaskedCrc32c.hex(MaskedCrc32c.unmask(maskedCrc))
                        + ", computed " + MaskedCrc32c.hex(actual) + ")");
            }
            List<byte[]> strings = new ArrayList<>(lengths.length);
            for (long length : lengths) {
                byte[] element = new byte[(int) length];
                bytes.get(in.skip((int) length), element);
                strings.add(element);
            }
            return strings;
        } catch (ByteReader.Truncated e) {
            throw new Malformed("its bytes end early (" + e.getMessage() + ")");
        }
    }
}
