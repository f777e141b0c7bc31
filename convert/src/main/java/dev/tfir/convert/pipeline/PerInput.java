package dev.tfir.convert.pipeline;

import dev.tfir.convert.ir.ConversionException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/** Matches the items of a per-input option (named, or unnamed in the inputs' order) to the model's inputs. */
final class PerInput {
    private PerInput() {}

    /**
     * One entry per input, null for inputs the option does not mention.
     *
     * @param names     the names users may give each input by
     * @param items     the option's items
     * @param nameOf    an item's input name, null when unnamed
     * @param option    the option, for errors
     */
    static <T> List<T> match(List<Predicate<String>> names, List<T> items, Function<T, String> nameOf,
                             String option) {
        List<T> matched = new ArrayList<>(Collections.nCopies(names.size(), null));
        if (items.isEmpty()) {
            return matched;
        }
        if (nameOf.apply(items.get(0)) == null) {
            if (items.size() != names.size()) {
                throw new ConversionException(option + " gives " + items.size() + " value group(s) for "
                        + names.size() + " model input(s); give one per input, or name the inputs, e.g. "
                        + "input[1,2,3]");
            }
            return new ArrayList<>(items);
        }
        for (T item : items) {
            String name = nameOf.apply(item);
            int index = indexOf(names, name);
            if (index < 0) {
                throw new ConversionException(option + " names '" + name + "', which is not a model input");
            }
            if (matched.get(index) != null) {
                throw new ConversionException(option + " gives two value groups for the input '" + name + "'");
            }
            matched.set(index, item);
        }
        return matched;
    }

    private static int indexOf(List<Predicate<String>> names, String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).test(name)) {
                return i;
            }
        }
        return -1;
    }
}
