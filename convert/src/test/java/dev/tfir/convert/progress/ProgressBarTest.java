package dev.tfir.convert.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The progress line's text, and no drawing where there is no terminal. */
class ProgressBarTest {
    @Test
    void drawsTheStepWithABarForMeasuredSteps() {
        assertEquals("writing the weights [#########.....................]  30%  90/300 MB  2.5 s",
                ProgressBar.line("writing the weights", 90L << 20, 300L << 20, 2.5));
        assertEquals("translating 729 nodes  1.0 s", ProgressBar.line("translating 729 nodes", 0, 0, 1.04));
        assertEquals("writing the weights [##############################] 100%  1/1 MB  1.2 s",
                ProgressBar.line("writing the weights", 5L << 20, 1L << 20, 1.2));
    }

    @Test
    void isSilentWithoutATerminal() {
        StringWriter err = new StringWriter();
        try (Progress progress = ProgressBar.onTerminal(new PrintWriter(err))) {
            assertSame(Progress.NONE, progress);
        }
        assertEquals("", err.toString());
    }
}
