package dev.tfir.dist;

import dev.tfir.convert.ConvertCommand;
import dev.tfir.summarize.SummarizeGraphCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * Writes the distribution's generated documents for both executables: man pages ({@code man/man1/<tool>.1}) and
 * shell completion scripts for bash and zsh ({@code completions/<tool>.bash}, picocli's AutoComplete), from the
 * commands' picocli models. Run at package time: {@code Docs <distribution directory> <version>}.
 */
public final class Docs {
    private Docs() {}

    /** The executables and their command lines, as their main classes make them. */
    static Map<String, CommandLine> tools() {
        PrintWriter sink = new PrintWriter(new StringWriter());
        return Map.of("convert", ConvertCommand.commandLine(sink, sink),
                "summarize-graph", SummarizeGraphCommand.commandLine(sink, sink));
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: Docs <distribution directory> <version>");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        Map<String, CommandLine> tools = tools();
        Files.createDirectories(root.resolve("man/man1"));
        Files.createDirectories(root.resolve("completions"));
        for (Map.Entry<String, CommandLine> tool : tools.entrySet()) {
            String name = tool.getKey();
            List<String> others = tools.keySet().stream().filter(other -> !other.equals(name)).sorted().toList();
            Files.writeString(root.resolve("man/man1/" + name + ".1"),
                    ManPage.of(tool.getValue().getCommandSpec(), args[1], others), StandardCharsets.UTF_8);
            Files.writeString(root.resolve("completions/" + name + ".bash"),
                    AutoComplete.bash(name, tool.getValue()), StandardCharsets.UTF_8);
        }
    }
}
