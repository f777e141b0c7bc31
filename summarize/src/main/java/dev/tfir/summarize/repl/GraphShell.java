package dev.tfir.summarize.repl;

import dev.tfir.common.Failure;
import dev.tfir.common.TfirException;
import dev.tfir.common.model.LoadedModel;
import dev.tfir.common.model.ModelSource;
import dev.tfir.summarize.ir.IrModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;

/**
 * The interactive explorer of {@code summarize-graph --interactive}: reads commands, runs them, prints results.
 * On a terminal it uses JLine (completion, history, colour); from a pipe it reads lines and prints plain text.
 */
public final class GraphShell {
    private static final String PROMPT = "tfir> ";
    private static final String HISTORY = ".tfir_history";

    private final GraphSession session;
    private final Map<String, ShellCommand> commands = new LinkedHashMap<>();

    /** A shell on a model, loaded from {@code source}. */
    public GraphShell(ModelSource source, LoadedModel model) {
        this(new GraphSession(source, model));
    }

    /** A shell on an OpenVINO IR: its layers as nodes, its Parameters and Results as inputs and outputs. */
    public GraphShell(ModelSource source, IrModel ir) {
        this(new GraphSession(source, ir));
    }

    private GraphShell(GraphSession session) {
        this.session = session;
        List<ShellCommand> all = new ArrayList<>();
        all.addAll(ModelCommands.all());
        all.addAll(SearchCommands.all());
        all.addAll(NodeCommands.all());
        if (session.ir() == null) { // cut, save and convert work on TensorFlow graphs
            all.addAll(CutCommands.all());
            all.addAll(ConvertCommands.all());
        }
        all.addAll(DiffCommands.all());
        all.addAll(ViewCommands.all());
        all.forEach(command -> commands.put(command.name(), command));
        commands.put("help", new SimpleCommand("help", "help [command]", "the commands, or one command's usage",
                ShellCommand.Completion.NONE, this::help));
    }

    /** Commands from a terminal, with completion, history in the user's home, colour unless NO_COLOR is set. */
    public void runOnTerminal(Terminal terminal) {
        // JLine gives SIGINT the system's default action, which ends the JVM without its shutdown hooks: Ctrl-C during
        // a command would leave the temporary files of its save or convert. End as the JVM's own handling does.
        terminal.handle(Terminal.Signal.INT, signal -> System.exit(130));
        LineReader reader = LineReaderBuilder.builder().terminal(terminal)
                .completer(new NodeCompleter(session, commands))
                .parser(new DefaultParser().escapeChars(new char[0]))
                .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), HISTORY))
                .build();
        boolean colour = System.getenv("NO_COLOR") == null && !Terminal.TYPE_DUMB.equals(terminal.getType())
                && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
        Printer printer = new Printer(terminal.writer(), colour, Math.max(20, terminal.getHeight() - 2));
        printer.println(printer.muted(session.graph().size() + " nodes; 'help' lists the commands, Tab completes, "
                + "Ctrl-D quits"));
        while (true) {
            String line;
            try {
                line = reader.readLine(PROMPT);
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                return;
            }
            if (!execute(line, printer)) {
                return;
            }
        }
    }

    /** Commands one per line from a script or pipe; plain output; stops at 'quit' or the end of input. */
    public void runScript(BufferedReader in, PrintWriter out) throws IOException {
        Printer printer = new Printer(out, false, Integer.MAX_VALUE);
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (!execute(line, printer)) {
                return;
            }
        }
    }

    /** Runs one line; false when the user asked to quit. */
    boolean execute(String line, Printer printer) {
        List<String> words = List.of(line.trim().split("\\s+"));
        String name = words.get(0);
        try {
            if (name.isEmpty() || name.startsWith("#")) {
                return true;
            }
            if (name.equals("quit") || name.equals("exit")) {
                return false;
            }
            ShellCommand command = commands.get(name);
            if (command == null) {
                throw new ShellException("unknown command '" + name + "'; 'help' lists the commands");
            }
            command.run(words.subList(1, words.size()), new ShellContext(session, printer));
        } catch (ShellException | TfirException e) {
            printer.error(Failure.oneLine(e.getMessage()));
        } catch (RuntimeException | VirtualMachineError e) {
            // a bug or out of memory: one line, as the executables report it, and the loop goes on
            printer.error(Failure.message(name, e));
        } finally {
            printer.flush();
        }
        return true;
    }

    private void help(List<String> args, ShellContext c) {
        Printer p = c.printer();
        if (!args.isEmpty()) {
            ShellCommand command = commands.get(args.get(0));
            if (command == null) {
                throw new ShellException("unknown command '" + args.get(0) + "'");
            }
            p.println("usage: " + command.usage());
            p.println("  " + command.summary());
            return;
        }
        for (ShellCommand command : commands.values()) {
            p.println(String.format("  %-26s %s", command.usage(), command.summary()));
        }
        p.println(String.format("  %-26s %s", "quit", "leave (also Ctrl-D)"));
    }
}
