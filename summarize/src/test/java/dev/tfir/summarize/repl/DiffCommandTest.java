package dev.tfir.summarize.repl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.model.ModelSource;
import dev.tfir.common.testing.TestData;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** 'diff FILE' in the REPL: the explored inference graph against TensorFlow's frozen graph of it. */
class DiffCommandTest {
    @Test
    void diffAgainstTheFrozenGraph() throws IOException {
        String out = GraphShellTest.run(ModelSource.graphFile(TestData.model("small_inference_graph.pb")),
                "diff " + TestData.model("small_frozen.pb") + "\ndiff\n");
        assertTrue(out.contains("only in A: 30 nodes\n"), out);
        assertTrue(out.contains("changed: 6 nodes\n"), out);
        assertTrue(out.contains("same: 24 nodes\n"), out);
        assertTrue(out.contains("usage: diff <model>"), out);
    }
}
