package dev.tfir.convert.ir;

import java.math.BigDecimal;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/** How attribute values are spelled in the IR XML, as OpenVINO's serializer spells them. */
public final class AttributeText {
    private AttributeText() {}

    /** A list of integers: {@code 2, 2}; empty for no values. */
    public static String list(long... values) {
        return LongStream.of(values).mapToObj(Long::toString).collect(Collectors.joining(", "));
    }

    /** A number, exactly and without exponent: {@code 6}, {@code 0.0010000000474974513}. */
    public static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return new BigDecimal(value).stripTrailingZeros().toPlainString();
    }
}
