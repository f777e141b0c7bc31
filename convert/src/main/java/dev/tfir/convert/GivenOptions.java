package dev.tfir.convert;

import dev.tfir.cli.ModelOptions;
import dev.tfir.common.model.ModelSource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The options the user gave, as mo records them in the IR's {@code conversion_parameters}: by long name without
 * dashes, with their text as given, paths reduced to {@code DIR/file} so the IR tells no local directory, and
 * True/False as mo writes a boolean (Python's {@code str}), also for a flag given without a value.
 */
final class GivenOptions {
    private static final String HIDDEN_DIRECTORY = "DIR";

    private GivenOptions() {}

    static Map<String, String> of(ParseResult parsed) {
        Map<String, String> given = new HashMap<>();
        for (OptionSpec option : parsed.matchedOptions()) {
            if (option.usageHelp() || option.versionHelp() || option.longestName().equals("--verbose")) {
                continue;
            }
            String text = String.join(",", option.stringValues());
            given.put(key(option.longestName()), option.type() == Path.class ? hidden(Path.of(text))
                    : option.typeInfo().isBoolean() ? pythonBoolean(option.getValue()) : text);
        }
        return given;
    }

    /** The options that name {@code source}, as convert's command line gives them ({@link ModelOptions#of}). */
    static Map<String, String> of(ModelSource source) {
        Map<String, String> given = new HashMap<>();
        ModelOptions.of(source).forEach((name, value) -> given.put(key(name), value instanceof Path path ? hidden(path)
                : value instanceof Boolean ? pythonBoolean(value) : String.valueOf(value)));
        return given;
    }

    private static String pythonBoolean(Object value) {
        return Boolean.TRUE.equals(value) ? "True" : "False";
    }

    private static String key(String optionName) {
        return optionName.replaceFirst("^-+", "");
    }

    private static String hidden(Path path) {
        Path file = path.getFileName();
        return HIDDEN_DIRECTORY + (file == null ? "" : "/" + file);
    }
}
