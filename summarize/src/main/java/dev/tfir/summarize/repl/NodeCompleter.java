package dev.tfir.summarize.repl;

import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: command names first, then each command's options and arguments (node names, op types,
 * scopes). Node
 * names are found by binary search in a sorted index, and a level of '/' scopes is offered at a time, so that
 * graphs of 100k nodes complete instantly.
 */
final class NodeCompleter implements Completer {
    private static final int MAX_CANDIDATES = 200;

    private final GraphSession session;
    private final Map<String, ShellCommand> commands;

    NodeCompleter(GraphSession session, Map<String, ShellCommand> commands) {
        this.session = session;
        this.commands = commands;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String word = line.word().substring(0, line.wordCursor());
        if (line.wordIndex() == 0) {
            commands.keySet().stream().filter(name -> name.startsWith(word)).forEach(name -> candidates.add(new Candidate(name)));
            return;
        }
        ShellCommand command = commands.get(line.words().get(0));
        if (command == null) {
            return;
        }
        if (word.startsWith("-")) {
            command.options().stream().filter(option -> option.startsWith(word))
                    .forEach(option -> candidates.add(new Candidate(option)));
            return;
        }
        switch (command.completion()) {
            case NODE -> nodes(word, candidates);
            case OP_TYPE -> fromSet(session.opTypes(), word, candidates, true);
            case SCOPE -> fromSet(session.scopes(), word, candidates, false);
            case NONE -> { }
        }
    }

    private void nodes(String prefix, List<Candidate> candidates) {
        for (String offered : session.completions(prefix, MAX_CANDIDATES)) {
            boolean scope = offered.endsWith("/");
            candidates.add(new Candidate(offered, offered, null, null, null, null, !scope));
        }
    }

    private static void fromSet(NavigableSet<String> items, String prefix, List<Candidate> candidates, boolean complete) {
        for (String item : items.tailSet(prefix, true)) {
            if (!item.startsWith(prefix) || candidates.size() >= MAX_CANDIDATES) {
                return;
            }
            candidates.add(new Candidate(item, item, null, null, null, null, complete));
        }
    }
}
