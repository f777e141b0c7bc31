package dev.tfir.convert.options;

import dev.tfir.common.types.PartialShape;
import java.util.ArrayList;
import java.util.List;

/** Shapes as mo's options spell them: {@code [1,224,224,3]}, {@code (1,224,224,3)}, {@code -1} or {@code ?} unknown. */
public final class ShapeText {
    private ShapeText() {}

    /** One shape in brackets; {@code []} is a scalar. */
    public static PartialShape parse(String text) {
        List<String> items = OptionSyntax.bracketed(text);
        long[] dims = new long[items.size()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = dim(items.get(i), text);
        }
        return PartialShape.of(dims);
    }

    /** A list of shapes, {@code [1,3],[2,5]}. */
    public static List<PartialShape> parseList(String text) {
        List<PartialShape> shapes = new ArrayList<>();
        for (String item : OptionSyntax.splitItems(text)) {
            shapes.add(parse(item));
        }
        return shapes;
    }

    private static long dim(String item, String shape) {
        if (item.equals("?") || item.equals("-1")) {
            return PartialShape.UNKNOWN_DIM;
        }
        if (item.contains("..")) {
            throw new IllegalArgumentException("the dimension range " + item + " in " + shape
                    + " is not supported; give a size, or ? for an unknown one");
        }
        try {
            long dim = Long.parseLong(item);
            if (dim < 0) {
                throw new NumberFormatException();
            }
            return dim;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + item + "' in " + shape + " is not a dimension (a size >= 0, "
                    + "-1 or ?)");
        }
    }

    /** The shape as mo prints it: {@code [1,224,224,3]}, {@code ?} for unknown dims. */
    public static String format(PartialShape shape) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < shape.rank(); i++) {
            text.append(i > 0 ? "," : "").append(shape.dim(i) < 0 ? "?" : Long.toString(shape.dim(i)));
        }
        return text.append(']').toString();
    }
}
