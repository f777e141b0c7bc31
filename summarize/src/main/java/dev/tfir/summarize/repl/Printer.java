package dev.tfir.summarize.repl;

import java.io.PrintWriter;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * Where REPL commands print: one writer, optional colour (JLine styles rendered as ANSI), and long listings cut
 * at a limit with a count of what was left out.
 */
final class Printer {
    private static final AttributedStyle NODE = AttributedStyle.BOLD;
    private static final AttributedStyle OP = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    private static final AttributedStyle MUTED = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT + AttributedStyle.BLACK);
    private static final AttributedStyle HEADING = AttributedStyle.BOLD.foreground(AttributedStyle.YELLOW);
    private static final AttributedStyle ERROR = AttributedStyle.BOLD.foreground(AttributedStyle.RED);

    private final PrintWriter out;
    private final boolean colour;
    private final int listLimit;

    /**
     * @param listLimit the most lines a listing prints, or {@link Integer#MAX_VALUE} for no limit
     */
    Printer(PrintWriter out, boolean colour, int listLimit) {
        this.out = out;
        this.colour = colour;
        this.listLimit = listLimit;
    }

    String node(String name) {
        return styled(name, NODE);
    }

    String op(String op) {
        return styled(op, OP);
    }

    String muted(String text) {
        return styled(text, MUTED);
    }

    String heading(String text) {
        return styled(text, HEADING);
    }

    /** "name (Op)", styled. */
    String nodeWithOp(String name, String op) {
        return node(name) + " " + muted("(") + op(op) + muted(")");
    }

    void println(String line) {
        out.println(line);
    }

    void error(String message) {
        out.println(styled("error: ", ERROR) + message);
    }

    /** Prints the lines, or the first ones and a count of the rest when there are more than the limit. */
    void list(List<String> lines) {
        int shown = Math.min(lines.size(), listLimit);
        for (int i = 0; i < shown; i++) {
            out.println(lines.get(i));
        }
        if (shown < lines.size()) {
            out.println(muted("... " + (lines.size() - shown) + " more (" + lines.size()
                    + " in all); narrow the pattern to see them"));
        }
    }

    void flush() {
        out.flush();
    }

    private String styled(String text, AttributedStyle style) {
        return colour ? new AttributedString(text, style).toAnsi() : text;
    }
}
