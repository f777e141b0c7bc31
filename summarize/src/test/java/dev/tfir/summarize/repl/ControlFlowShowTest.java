package dev.tfir.summarize.repl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.model.ModelSource;
import dev.tfir.common.testing.TestData;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * {@code show} says where a node runs in TF1 control flow (real TensorFlow graphs: a tf.while_loop, make_models.py;
 * tf.cond on a runtime and on a PlaceholderWithDefault predicate, make_cond_models.py).
 */
class ControlFlowShowTest {
    private static String show(String model, String node) throws IOException {
        return GraphShellTest.run(ModelSource.graphFile(TestData.repo().resolve(model)), "show " + node + "\n");
    }

    @Test
    void aLoopBodyNodeShowsItsFrameAndAnExitNone() throws IOException {
        String body = show("testdata/models/while_loop.pb", "loop/mul");
        assertTrue(body.contains("\n  frame:     loop/while_context (TF1 while loop)\n"), body);
        assertFalse(body.contains("branch:"), "a loop's Switch starts no branch: " + body);
        String exit = show("testdata/models/while_loop.pb", "loop/Exit");
        assertFalse(exit.contains("frame:") || exit.contains("branch:"), exit);
    }

    @Test
    void aBranchNodeShowsThePredicateSideItNeeds() throws IOException {
        String model = "testdata/convert/cond/cond_runtime.pb";
        assertTrue(show(model, "branch/mul").contains("\n  branch:    true side of branch/pred_id\n"));
        assertTrue(show(model, "branch/Tanh").contains("\n  branch:    false side of branch/pred_id\n"));
        assertFalse(show(model, "branch/Merge").contains("branch:"), "the Merge closes the conditional");
    }

    @Test
    void aNodeOfABranchNeverTakenSaysSo() throws IOException {
        String shown = show("testdata/convert/cond/is_training_default.pb",
                "dropout/dropout/random_uniform/RandomUniform");
        assertTrue(shown.contains("\n  branch:    never runs: it lies in a branch that a constant predicate never "
                + "takes\n"), shown);
    }
}
