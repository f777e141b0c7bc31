package dev.tfir.common.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Vectors verified on TensorFlow's files (shared/reference/tf-checkpoint-formats.md, A.4). */
class MaskedCrc32cTest {
    @Test
    void emptyMetaindexBlockAndItsTypeByte() {
        byte[] block = {0, 0, 0, 0, 1, 0, 0, 0, 0};
        int crc = MaskedCrc32c.crc(ByteBuffer.wrap(block), 0, block.length);
        assertEquals(0x83f4070f, crc);
        assertEquals(0xb0a1f2c0, MaskedCrc32c.mask(crc));
        assertEquals(crc, MaskedCrc32c.unmask(MaskedCrc32c.mask(crc)));
    }

    @Test
    void floatTensor() {
        ByteBuffer floats = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : new float[] {1.5f, -2f, 3.25f, 4f, 5f, 6f}) {
            floats.putFloat(f);
        }
        int crc = MaskedCrc32c.crc(floats, 0, 24);
        assertEquals(0xe94679d4, crc);
        assertEquals(0x962cbd64, MaskedCrc32c.mask(crc));
    }

    @Test
    void partsOfATensorOverTwoGibHaveTheCrcOfTheWhole() {
        byte[] bytes = new byte[1000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        ByteBuffer whole = ByteBuffer.wrap(bytes);
        assertEquals(MaskedCrc32c.crc(whole, 0, 1000),
                MaskedCrc32c.crc(List.of(whole.slice(0, 333), whole.slice(333, 667))));
    }
}
