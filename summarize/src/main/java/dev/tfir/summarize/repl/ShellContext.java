package dev.tfir.summarize.repl;

/** What a command works with: the explored model and where to print. */
record ShellContext(GraphSession session, Printer printer) {}
