package dev.tfir.summarize.repl;

import java.util.List;
import java.util.function.BiConsumer;

/** A command defined by its texts and a function; the command families build theirs with it. */
record SimpleCommand(String name, String usage, String summary, Completion completion, List<String> options,
                     BiConsumer<List<String>, ShellContext> action) implements ShellCommand {

    SimpleCommand(String name, String usage, String summary, Completion completion,
                  BiConsumer<List<String>, ShellContext> action) {
        this(name, usage, summary, completion, List.of(), action);
    }

    @Override
    public void run(List<String> args, ShellContext context) {
        action.accept(args, context);
    }

    /** The single argument of a one-argument command, or a ShellException with the usage. */
    static String oneArg(List<String> args, String usage) {
        if (args.size() != 1) {
            throw new ShellException("usage: " + usage);
        }
        return args.get(0);
    }

    /** An optional non-negative integer argument at {@code position}, else the default. */
    static int intArg(List<String> args, int position, int defaultValue, String usage) {
        if (args.size() <= position) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(args.get(position));
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ShellException("'" + args.get(position) + "' is not a non-negative number; usage: " + usage);
    }
}
