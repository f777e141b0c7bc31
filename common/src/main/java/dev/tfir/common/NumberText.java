package dev.tfir.common;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers in text as tfir prints them, the same as {@link String#format} in the root locale: without
 * {@link java.util.Formatter}, whose first use loads the JDK's locale data (10 ms of a 0.3 s conversion).
 */
public final class NumberText {
    private NumberText() {}

    /** {@code value} with {@code decimals} digits after the point, rounded half up: {@code %.<decimals>f}. */
    public static String fixed(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    /** {@code value} with a comma between groups of three digits: {@code %,d}. */
    public static String grouped(long value) {
        String digits = Long.toString(value);
        int first = value < 0 ? 1 : 0;
        StringBuilder text = new StringBuilder(digits.length() + digits.length() / 3);
        for (int i = 0; i < digits.length(); i++) {
            if (i > first && (digits.length() - i) % 3 == 0) {
                text.append(',');
            }
            text.append(digits.charAt(i));
        }
        return text.toString();
    }

    /** {@code value} (not negative) with zeros before it to {@code width} digits: {@code %0<width>d}. */
    public static String zeroPadded(long value, int width) {
        String digits = Long.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }
}
