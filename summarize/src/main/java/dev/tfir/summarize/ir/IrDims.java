package dev.tfir.summarize.ir;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Dims as an IR writes them, in a port's {@code <dim>} ("-1", "5", "1..10") and a Parameter's {@code shape}
 * attribute ("?,5,1..10", "..." for a dynamic rank), read into OpenVINO's partial shape text: sizes in plain decimal,
 * a dynamic dim as "?", intervals as "1..10", "1.." or "..10".
 */
final class IrDims {
    private IrDims() {}

    /** The dim in OpenVINO's text, or null when the text is no dim. */
    static String dim(String text) {
        String dim = text.trim();
        if (dim.equals("?") || dim.equals("-1")) {
            return "?";
        }
        String[] bounds = dim.split("\\.\\.", -1);
        if (bounds.length == 1) {
            long size = size(bounds[0]);
            return size < 0 ? null : Long.toString(size);
        }
        if (bounds.length != 2) {
            return null;
        }
        long min = bounds[0].isEmpty() ? 0 : bound(bounds[0]);
        long max = bounds[1].isEmpty() ? -1 : bound(bounds[1]);
        if (min < -1 || max < -1 || max >= 0 && min > max) {
            return null;
        }
        if (min <= 0 && max < 0) {
            return "?";
        }
        return (min <= 0 ? "" : Long.toString(min)) + ".." + (max < 0 ? "" : Long.toString(max));
    }

    /** A shape attribute's text as "[?,5]" ("[...]" for a dynamic rank), or null when a dim is no dim. */
    static String shape(String text) {
        String inner = text.replace(" ", "");
        if (inner.equals("...")) {
            return "[...]";
        }
        if (inner.isEmpty()) {
            return "[]";
        }
        List<String> dims = new ArrayList<>();
        for (String part : inner.split(",", -1)) {
            String dim = dim(part);
            if (dim == null) {
                return null;
            }
            dims.add(dim);
        }
        return "[" + String.join(",", dims) + "]";
    }

    /**
     * The sizes of a shape in OpenVINO's text ("[?,4]": -1 for a dim that is not a plain size), or null for a dynamic
     * rank ("[...]").
     */
    static long[] sizes(String shapeText) {
        String inner = shapeText.substring(1, shapeText.length() - 1);
        if (inner.equals("...")) {
            return null;
        }
        return inner.isEmpty() ? new long[0] : Arrays.stream(inner.split(",")).mapToLong(IrDims::size).toArray();
    }

    /** A dim's size: its value when it is a plain size, else -1 (dynamic or an interval). */
    static long size(String dim) {
        if (dim.isEmpty() || !dim.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        try {
            return Long.parseLong(dim);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** An interval's bound: a size, -1 for none, or -2 when it is neither. */
    private static long bound(String text) {
        long size = size(text);
        return text.equals("-1") ? -1 : size < 0 ? -2 : size;
    }
}
