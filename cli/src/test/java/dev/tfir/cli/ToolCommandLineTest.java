package dev.tfir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.TfirException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The one mapping of failures: exit 1 bad input, 2 usage, 3 a bug; one line on stderr, the trace with -v. */
class ToolCommandLineTest {
    @Command(name = "tool", mixinStandardHelpOptions = true, versionProvider = Versions.Provider.class)
    static final class Tool implements Callable<Integer> {
        @Mixin
        VerboseOption verbose;
        @Option(names = "--fail")
        String fail;

        @Override
        public Integer call() {
            if ("input".equals(fail)) {
                throw new TfirException("m.pb: not a GraphDef\nat byte 3");
            }
            if ("bug".equals(fail)) {
                throw new IllegalStateException("broken");
            }
            return 0;
        }
    }

    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = ToolCommandLine.of(new Tool(), new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void badInputIsOneLineAndExit1() {
        Run run = run("--fail", "input");
        assertEquals(1, run.exit());
        assertEquals("tool: error: m.pb: not a GraphDef\\nat byte 3\n", run.err());
    }

    @Test
    void usageErrorIsExit2() {
        Run run = run("--nope");
        assertEquals(2, run.exit());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("tool: error: Unknown option: '--nope'"), run.err());
    }

    @Test
    void aBugIsExit3AndItsTraceOnlyWithVerbose() {
        Run quiet = run("--fail", "bug");
        assertEquals(3, quiet.exit());
        assertEquals(1, quiet.err().lines().count(), quiet.err());
        assertTrue(quiet.err().startsWith("tool: internal error: java.lang.IllegalStateException: broken"));
        Run verbose = run("--fail", "bug", "--verbose");
        assertEquals(3, verbose.exit());
        assertTrue(verbose.err().contains("\tat dev.tfir.cli.ToolCommandLineTest$Tool.call"), verbose.err());
    }

    @Test
    void versionNamesTheTool() {
        Run run = run("--version");
        assertEquals(0, run.exit());
        assertEquals("tool (tfir) dev\n", run.out());
    }
}
