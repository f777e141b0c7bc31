package dev.tfir.convert.options;

import java.util.ArrayList;
import java.util.List;

/** Splitting of mo's list-valued options: commas separate items, except inside brackets. */
final class OptionSyntax {
    private OptionSyntax() {}

    /** {@code a[1,2],b{f32}[3]} gives {@code a[1,2]} and {@code b{f32}[3]}. */
    static List<String> splitItems(String text) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[' || c == '(' || c == '{') {
                depth++;
            } else if (c == ']' || c == ')' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                items.add(text.substring(start, i).trim());
                start = i + 1;
            }
            if (depth < 0) {
                throw new IllegalArgumentException("unbalanced brackets in '" + text + "'");
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("unbalanced brackets in '" + text + "'");
        }
        items.add(text.substring(start).trim());
        return items;
    }

    /** The comma- or space-separated items between the outer brackets of {@code [1,2,3]} or {@code (1 2 3)}. */
    static List<String> bracketed(String text) {
        String t = text.trim();
        boolean square = t.startsWith("[") && t.endsWith("]");
        boolean round = t.startsWith("(") && t.endsWith(")");
        if (!square && !round) {
            throw new IllegalArgumentException("'" + text + "' must be enclosed in [] or ()");
        }
        List<String> items = new ArrayList<>();
        for (String item : t.substring(1, t.length() - 1).split("[,\\s]+")) {
            if (!item.isEmpty()) {
                items.add(item);
            }
        }
        return items;
    }
}
