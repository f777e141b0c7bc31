package dev.tfir.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** mo's booleans: True or False, in any case; a picocli converter. */
public final class TrueFalse implements ITypeConverter<Boolean> {
    @Override
    public Boolean convert(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new TypeConversionException("expected True or False, not '" + value + "'");
        };
    }
}
