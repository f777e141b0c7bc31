package dev.tfir.dist;

import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A command's man page in troff ({@code man -l} renders it), made from its picocli model: the same annotations
 * {@code --help} prints, so the page lists exactly the options the command takes.
 */
final class ManPage {
    private ManPage() {}

    /** The page of {@code spec}, section 1; {@code seeAlso} names the tools it points to. */
    static String of(CommandSpec spec, String version, List<String> seeAlso) {
        String name = spec.name();
        StringBuilder page = new StringBuilder();
        page.append(".TH ").append(quoted(name.toUpperCase())).append(" 1 \"\" ")
                .append(quoted("tfir " + version)).append(" \"tfir manual\"\n");
        page.append(".SH NAME\n").append(escape(name)).append(" \\- ")
                .append(escape(String.join(" ", spec.usageMessage().description()))).append('\n');
        page.append(".SH SYNOPSIS\n.B ").append(escape(name)).append("\n[\\fIOPTIONS\\fR]\n");
        for (PositionalParamSpec positional : spec.positionalParameters()) {
            page.append("\\fI").append(escape(positional.paramLabel())).append("\\fR\n");
        }
        page.append(".SH DESCRIPTION\n").append(lines(spec.usageMessage().description()));
        page.append(".SH OPTIONS\n");
        for (OptionSpec option : spec.options()) {
            if (option.hidden()) {
                continue;
            }
            page.append(".TP\n").append(optionNames(option)).append('\n')
                    .append(lines(option.description()));
        }
        String footer = String.join("\n", spec.usageMessage().footer()).strip();
        if (!footer.isEmpty()) {
            page.append(".SH EXAMPLES\n.nf\n").append(lines(footer.replaceFirst("^Examples:\\s*", "").split("\n")))
                    .append(".fi\n");
        }
        page.append(".SH EXIT STATUS\n.TP\n0\nsuccess\n.TP\n1\nbad input (the one line on stderr says what, where "
                + "and what to do)\n.TP\n2\nusage error\n.TP\n3\ninternal error (a bug: please report it)\n");
        if (!seeAlso.isEmpty()) {
            page.append(".SH SEE ALSO\n").append(seeAlso.stream().map(tool -> "\\fB" + escape(tool) + "\\fR(1)")
                    .collect(Collectors.joining(", "))).append('\n');
        }
        return page.toString();
    }

    private static String optionNames(OptionSpec option) {
        String names = List.of(option.names()).stream().map(n -> "\\fB" + escape(n) + "\\fR")
                .collect(Collectors.joining(", "));
        if (option.arity().max() == 0) {
            return names;
        }
        String label = "\\fI" + escape(option.paramLabel()) + "\\fR";
        return names + (option.arity().min() == 0 ? " [" + label + "]" : " " + label);
    }

    private static String lines(String... text) {
        StringBuilder out = new StringBuilder();
        for (String line : text) {
            out.append(line.isBlank() ? ".sp" : escape(line.strip())).append('\n');
        }
        return out.toString();
    }

    private static String quoted(String text) {
        return '"' + escape(text).replace("\"", "\\(dq") + '"';
    }

    /** Text as troff shows it literally: backslashes escaped, minus signs as such, no line read as a request. */
    static String escape(String text) {
        String escaped = text.replace("\\", "\\e").replace("-", "\\-");
        return escaped.startsWith(".") || escaped.startsWith("'") ? "\\&" + escaped : escaped;
    }
}
