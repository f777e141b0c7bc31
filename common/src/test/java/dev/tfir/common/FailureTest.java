package dev.tfir.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.model.ProtoBytes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /** A model file cut short by another process while it is mapped: the JVM's fault is bad input, one line. */
    @Test
    void fileTruncatedWhileMapped(@TempDir Path dir) throws IOException {
        Path model = Files.write(dir.resolve("model.pb"), new byte[1 << 20]);
        ByteBuffer mapped = ProtoBytes.readFile(model, "GraphDef");
        try (FileChannel channel = FileChannel.open(model, StandardOpenOption.WRITE)) {
            channel.truncate(4096);
        }
        InternalError fault = null;
        try {
            mapped.get(1 << 19);
            Thread.sleep(10); // the JVM reports the fault asynchronously, at the next safepoint
        } catch (InternalError e) {
            fault = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertNotNull(fault, "reading a page past the end of the file faults");
        assertEquals(Failure.BAD_INPUT, Failure.exitCode(fault));
        String message = Failure.message("convert", fault);
        assertTrue(message.startsWith("convert: error: an input file became shorter while it was read"), message);
        assertEquals(Failure.INTERNAL, Failure.exitCode(new InternalError("something else")));
    }
}
