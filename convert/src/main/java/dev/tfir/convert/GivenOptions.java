package dev.tfir.convert;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The options the user gave, as mo records them in the IR's {@code conversion_parameters}: by long name without
 * dashes, with their text as given, paths reduced to {@code DIR/file} so the IR tells no local directory.
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
            if (option.type() == Path.class) {
                Path file = Path.of(text).getFileName();
                text = HIDDEN_DIRECTORY + (file == null ? "" : "/" + file);
            }
            given.put(option.longestName().replaceFirst("^-+", ""), text.isEmpty() ? "True" : text);
        }
        return given;
    }
}
