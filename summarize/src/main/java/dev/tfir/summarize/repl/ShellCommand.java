package dev.tfir.summarize.repl;

import java.util.List;

/** One REPL command: its name, usage, help, what its arguments complete to, and what it does. */
interface ShellCommand {
    /** What the arguments of a command complete to. */
    enum Completion { NONE, NODE, OP_TYPE, SCOPE }

    String name();

    /** "show <node>". */
    String usage();

    /** One line for the command list. */
    String summary();

    /** Completion for the arguments. */
    default Completion completion() {
        return Completion.NONE;
    }

    /** The options the command takes, offered by Tab when a word starts with '-'. */
    default List<String> options() {
        return List.of();
    }

    /** Runs the command; a {@link ShellException} reports a problem with the arguments. */
    void run(List<String> args, ShellContext context);
}
