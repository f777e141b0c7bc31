package dev.tfir.summarize.repl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.model.ModelSource;
import dev.tfir.common.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'view [scope] [FILE]' in the REPL on the TF-Slim small inference graph. */
class ViewCommandTest {
    @Test
    void writesThePageWithTheScopeOpen(@TempDir Path dir) throws IOException {
        Path page = dir.resolve("small.html");
        String out = GraphShellTest.run(ModelSource.graphFile(TestData.model("small_inference_graph.pb")),
                "view SmallNet/conv2 " + page + "\nview NoSuchScope\n");
        assertTrue(out.contains("wrote " + page + " (60 nodes, SmallNet/conv2 open)"), out);
        assertTrue(out.contains("no scope 'NoSuchScope'"), out);
        String html = Files.readString(page);
        assertTrue(html.contains("const OPEN = \"SmallNet/conv2\";"));
        assertFalse(Files.exists(dir.resolve("graph.html")));
    }
}
