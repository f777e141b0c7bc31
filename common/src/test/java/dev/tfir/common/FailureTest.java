package dev.tfir.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Every failure is one line on stderr, whatever names or parser messages it quotes. */
class FailureTest {
    @Test
    void controlCharactersAreEscaped() {
        assertEquals("node 'bad\\nline' \\t \\r \\u0007 ok", Failure.oneLine("node 'bad\nline' \t \r \u0007 ok"));
        assertEquals("plain", Failure.oneLine("plain"));
    }

    @Test
    void badInputAndBugsAreOneLine() {
        assertEquals("convert: error: Conv2D 'a\\nb': strides [1, 0, 1, 1]",
                Failure.message("convert", new TfirException("Conv2D 'a\nb': strides [1, 0, 1, 1]")));
        assertEquals("convert: internal error: java.lang.IllegalStateException: two\\nlines (this is a bug in tfir; "
                + "run again with --verbose and report the stack trace)",
                Failure.message("convert", new IllegalStateException("two\nlines")));
        assertEquals(Failure.BAD_INPUT, Failure.exitCode(new TfirException("x")));
        assertEquals(Failure.INTERNAL, Failure.exitCode(new ArithmeticException("/ by zero")));
    }
}
