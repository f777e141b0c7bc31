package dev.tfir.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

class ManPageTest {
    @Command(name = "demo", description = "Does a demo.", footer = {"", "Examples:", "  demo --size 3", ""})
    static final class Demo {
        @Option(names = {"--size", "-s"}, paramLabel = "N", description = "How many.")
        int size;
        @Option(names = "--dry-run", description = "Only say what would happen.")
        boolean dryRun;
        @Option(names = "--text", paramLabel = "True|False", arity = "0..1", fallbackValue = "True",
                description = ".pbtxt, not .pb")
        String text;
        @Option(names = "--secret", hidden = true)
        boolean secret;
    }

    @Test
    void listsEveryVisibleOptionWithItsParameter() {
        String page = ManPage.of(new CommandLine(new Demo()).getCommandSpec(), "1.2", List.of("other"));
        assertTrue(page.startsWith(".TH \"DEMO\" 1 \"\" \"tfir 1.2\""), page);
        assertTrue(page.contains(".SH NAME\ndemo \\- Does a demo.\n"), page);
        assertTrue(page.contains("\\fB\\-\\-size\\fR, \\fB\\-s\\fR \\fIN\\fR\nHow many.\n"), page);
        assertTrue(page.contains("\\fB\\-\\-dry\\-run\\fR\nOnly say"), page);
        assertTrue(page.contains("\\fB\\-\\-text\\fR [\\fITrue|False\\fR]\n\\&.pbtxt, not .pb\n"), page);
        assertFalse(page.contains("secret"), page);
        assertTrue(page.contains(".SH EXAMPLES\n.nf\ndemo \\-\\-size 3\n.fi\n"), page);
        assertTrue(page.contains(".SH SEE ALSO\n\\fBother\\fR(1)\n"), page);
    }

    @Test
    void escapesWhatTroffWouldRead() {
        assertEquals("a\\eb \\-x", ManPage.escape("a\\b -x"));
        assertEquals("\\&.SH not a request", ManPage.escape(".SH not a request"));
        assertEquals("\\&'quote", ManPage.escape("'quote"));
    }

    @Test
    void bothExecutablesAreDocumented() {
        assertEquals(List.of("convert", "summarize-graph"), Docs.tools().keySet().stream().sorted().toList());
    }
}
