package dev.tfir.convert.options;

import dev.tfir.common.types.PartialShape;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters for mo's option syntax; a malformed value is a usage error naming the problem. */
public final class OptionConverters {
    private OptionConverters() {}

    /** {@code --input}. */
    public static final class Inputs implements ITypeConverter<List<InputSpec>> {
        @Override
        public List<InputSpec> convert(String value) {
            return parse(() -> InputSpec.parseList(value));
        }
    }

    /** {@code --input_shape}. */
    public static final class Shapes implements ITypeConverter<List<PartialShape>> {
        @Override
        public List<PartialShape> convert(String value) {
            return parse(() -> ShapeText.parseList(value));
        }
    }

    /** {@code --mean_values}, {@code --scale_values}. */
    public static final class Values implements ITypeConverter<NamedValues> {
        @Override
        public NamedValues convert(String value) {
            return parse(() -> NamedValues.parse(value));
        }
    }

    /** {@code --layout}, {@code --source_layout}. */
    public static final class Layouts implements ITypeConverter<LayoutSpec> {
        @Override
        public LayoutSpec convert(String value) {
            return parse(() -> LayoutSpec.parse(value));
        }
    }

    /** A count of at least 1 ({@code -b}). */
    public static final class Positive implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                long n = Long.parseLong(value);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new TypeConversionException("expected a positive integer, not '" + value + "'");
        }
    }

    private interface Parse<T> {
        T get();
    }

    private static <T> T parse(Parse<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
