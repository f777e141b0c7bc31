package dev.tfir.convert.options;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-input numbers as mo's {@code --mean_values} and {@code --scale_values} take them: for each input a name
 * followed by bracketed values, {@code data[1,2,3],info[4,5,6]}, or only bracketed values, one group per input in
 * the inputs' order, {@code [1,2,3]}. Names are given for all groups or for none.
 *
 * @param groups the groups in the order given
 */
public record NamedValues(List<Group> groups) {
    /** The values for one input; {@code name} is null when not given. */
    public record Group(String name, double[] values) {}

    public NamedValues {
        groups = List.copyOf(groups);
    }

    public static NamedValues parse(String text) {
        List<Group> groups = new ArrayList<>();
        for (String item : OptionSyntax.splitItems(text)) {
            int open = firstBracket(item);
            if (open < 0) {
                throw new IllegalArgumentException("'" + item + "' has no values in [] or ()");
            }
            String name = item.substring(0, open).trim();
            groups.add(new Group(name.isEmpty() ? null : name, numbers(item.substring(open))));
        }
        long named = groups.stream().filter(g -> g.name() != null).count();
        if (named != 0 && named != groups.size()) {
            throw new IllegalArgumentException("'" + text + "' names some inputs but not all");
        }
        return new NamedValues(groups);
    }

    public boolean named() {
        return !groups.isEmpty() && groups.get(0).name() != null;
    }

    private static double[] numbers(String text) {
        List<String> items = OptionSyntax.bracketed(text);
        double[] values = new double[items.size()];
        for (int i = 0; i < values.length; i++) {
            try {
                values[i] = Double.parseDouble(items.get(i));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + items.get(i) + "' in " + text + " is not a number");
            }
        }
        return values;
    }

    private static int firstBracket(String item) {
        int square = item.indexOf('[');
        int round = item.indexOf('(');
        return square < 0 ? round : round < 0 ? square : Math.min(square, round);
    }
}
