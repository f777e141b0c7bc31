package dev.tfir.convert.options;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * mo's {@code --layout} / {@code --source_layout}: the layout of the model's inputs, one for a single input
 * ({@code nhwc}, {@code [n,h,w,c]}) or per input ({@code input(nhwc),mask(nc)}). A layout names each axis with a
 * letter; {@code N} is the batch, {@code C} the channels, {@code ?} any other. Changing the layout
 * ({@code nhwc->nchw}, {@code --target_layout}) is not supported.
 *
 * @param layouts the layouts in order, each with the input it names (null when not named)
 */
public record LayoutSpec(List<Named> layouts) {
    /** One input's layout: its axes' letters, upper case. */
    public record Named(String name, String axes) {
        /** The index of the axis with this letter, or -1. */
        public int indexOf(char letter) {
            return axes.indexOf(letter);
        }
    }

    public LayoutSpec {
        layouts = List.copyOf(layouts);
    }

    public static LayoutSpec parse(String text) {
        if (text.contains("->")) {
            throw new IllegalArgumentException("changing the layout ('" + text + "') is not supported; give the "
                    + "model's own layout only");
        }
        List<Named> layouts = new ArrayList<>();
        for (String item : OptionSyntax.splitItems(text)) {
            int open = item.indexOf('(');
            int square = item.indexOf('[');
            if (open > 0) {
                layouts.add(new Named(item.substring(0, open).trim(), axes(item.substring(open))));
            } else if (square > 0) {
                layouts.add(new Named(item.substring(0, square).trim(), axes(item.substring(square))));
            } else {
                layouts.add(new Named(null, axes(item)));
            }
        }
        return new LayoutSpec(layouts);
    }

    private static String axes(String text) {
        String t = text.trim();
        String letters = t.startsWith("[") || t.startsWith("(") ? String.join("", OptionSyntax.bracketed(t)) : t;
        String axes = letters.toUpperCase(Locale.ROOT);
        if (!axes.matches("[A-Z?]+") || axes.chars().filter(c -> c != '?').distinct().count()
                != axes.chars().filter(c -> c != '?').count()) {
            throw new IllegalArgumentException("'" + text + "' is not a layout (one letter per axis, e.g. nhwc)");
        }
        return axes;
    }
}
