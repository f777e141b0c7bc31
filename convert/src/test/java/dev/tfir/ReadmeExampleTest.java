package dev.tfir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.testing.TestData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java example is examples/TfirExample.java, and it compiles and runs as the README says. */
class ReadmeExampleTest {
    private static final Path EXAMPLE = TestData.repo().resolve("examples/TfirExample.java");
    private static final Pattern BLOCK = Pattern.compile("```java\n(.*?)```\n\n```sh\n.*?\n```\n\n```\n(.*?)```",
            Pattern.DOTALL);

    @Test
    void theReadmeShowsTheExampleAndWhatItPrints(@TempDir Path dir) throws Exception {
        Matcher readme = BLOCK.matcher(Files.readString(TestData.repo().resolve("README.md")));
        assertTrue(readme.find(), "no java example in README.md");
        assertEquals(Files.readString(EXAMPLE), readme.group(1));

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean compiled = javac.getTask(diagnostics, null, null, List.of("-d", dir.toString(), "-classpath",
                System.getProperty("java.class.path")), null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjects(EXAMPLE)).call();
        assertTrue(compiled, diagnostics.toString());

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        Path ir = dir.resolve("ir");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                getClass().getClassLoader())) {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            loader.loadClass("TfirExample").getMethod("main", String[].class).invoke(null, (Object) new String[] {
                    TestData.model("small_frozen.pb").toString(), ir.toString()});
        } finally {
            System.setOut(stdout);
        }
        assertEquals(readme.group(2), printed.toString(StandardCharsets.UTF_8));
        assertTrue(Files.size(ir.resolve("small_frozen.xml")) > 0 && Files.size(ir.resolve("small_frozen.bin")) > 0);
    }
}
