package dev.tfir.summarize.repl;

import dev.tfir.summarize.view.HtmlView;
import java.nio.file.Path;
import java.util.List;

/** 'view [scope] [FILE]': the explored graph as an HTML page, the scope opened. */
final class ViewCommands {
    private static final String VIEW = "view [scope] [file.html]";
    private static final String DEFAULT_FILE = "graph.html";

    private ViewCommands() {}

    static List<ShellCommand> all() {
        return List.of(new SimpleCommand("view", VIEW,
                "write the graph as one HTML page (scopes fold and open on click, search, details), the scope open",
                ShellCommand.Completion.NODE, ViewCommands::view));
    }

    private static void view(List<String> args, ShellContext c) {
        if (args.size() > 2) {
            throw new ShellException("usage: " + VIEW);
        }
        String scope = "";
        String file = DEFAULT_FILE;
        for (String arg : args) {
            if (arg.endsWith(".html") || arg.endsWith(".htm")) {
                file = arg;
            } else if (c.session().scopes().contains(arg.endsWith("/") ? arg : arg + "/")) {
                scope = arg;
            } else {
                throw new ShellException("no scope '" + arg + "' (a file to write ends in .html); usage: " + VIEW);
            }
        }
        Path path = Path.of(file);
        HtmlView.write(c.session().graph(), c.session().summary(), String.valueOf(c.session().source().mainPath()
                .getFileName()), scope, path);
        c.printer().println("wrote " + path.toAbsolutePath() + " (" + c.session().graph().size() + " nodes"
                + (scope.isEmpty() ? "" : ", " + scope + " open") + ")");
    }
}
