package dev.tfir.summarize.report;

import dev.tfir.convert.ir.BFloat16;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Half;
import java.nio.ByteBuffer;

/** Elements of a constant's little-endian bytes as doubles, for comparing and showing values. */
public final class ConstantElements {
    private ConstantElements() {}

    public static double element(ByteBuffer data, ElementType type, int i) {
        return switch (type) {
            case F32 -> data.getFloat(i * 4);
            case F16 -> Half.toFloat(data.getShort(i * 2));
            case BF16 -> BFloat16.toFloat(data.getShort(i * 2));
            case F64 -> data.getDouble(i * 8);
            case I64, U64 -> data.getLong(i * 8);
            case I32 -> data.getInt(i * 4);
            case U32 -> Integer.toUnsignedLong(data.getInt(i * 4));
            case I16 -> data.getShort(i * 2);
            case U16 -> Short.toUnsignedInt(data.getShort(i * 2));
            case I8 -> data.get(i);
            case U8, BOOLEAN -> Byte.toUnsignedInt(data.get(i));
        };
    }
}
