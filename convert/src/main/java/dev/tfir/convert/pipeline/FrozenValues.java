package dev.tfir.convert.pipeline;

import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Constants;
import java.util.List;
import java.util.Locale;

/** The constant that replaces an input frozen with mo's {@code --input name->value}. */
final class FrozenValues {
    private FrozenValues() {}

    static Output constant(ModelInput input) {
        List<String> items = input.frozenValue();
        ElementType type = input.type();
        long[] shape = input.shape().dims();
        try {
            if (type.isFloating()) {
                double[] values = items.stream().mapToDouble(Double::parseDouble).toArray();
                return Constants.of(ConstTensor.ofDoubles(type, shape, values));
            }
            long[] values = items.stream().mapToLong(FrozenValues::integer).toArray();
            return Constants.of(ConstTensor.ofLongs(type, shape, values));
        } catch (IllegalArgumentException e) {
            throw new ConversionException("--input " + input.name() + ": the value " + items + " does not fit "
                    + type.irName() + " of shape " + input.shape());
        }
    }

    private static long integer(String item) {
        return switch (item.toLowerCase(Locale.ROOT)) {
            case "true" -> 1;
            case "false" -> 0;
            default -> Long.parseLong(item);
        };
    }
}
