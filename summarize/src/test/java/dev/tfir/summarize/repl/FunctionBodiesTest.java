package dev.tfir.summarize.repl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.model.ModelSource;
import dev.tfir.common.testing.TestData;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The REPL walks into the functions of TF2 control flow (real TensorFlow graphs: a StatelessWhile frozen without
 * lowering, tools/models/make_cond_models.py; a StatelessIf, make_models.py).
 */
class FunctionBodiesTest {
    private static String run(String model, String script) throws IOException {
        return GraphShellTest.run(ModelSource.graphFile(TestData.repo().resolve(model)), script);
    }

    @Test
    void showOfAWhileListsItsConditionAndBody() throws IOException {
        String shown = run("testdata/convert/cond/while_functional.pb", "show while\n");
        assertTrue(shown.contains("\n  function body: while_body_5 10 nodes (while_while_loop_counter: int32, "), shown);
        assertTrue(shown.contains("-> (while_identity: bool); 'ls while_cond_4/' lists them\n"), shown);
    }

    @Test
    void lsListsTheFunctionsAndWalksIntoThem() throws IOException {
        String model = "testdata/convert/cond/while_functional.pb";
        String top = run(model, "ls\n");
        assertTrue(top.endsWith("while (StatelessWhile)\noutput (Identity)\nIdentity (Identity)\n"
                + "while_body_5/ function, 10 nodes\nwhile_cond_4/ function, 7 nodes\n"), top);
        String cond = run(model, "ls while_cond_4/while 1\n");
        assertTrue(cond.contains("Sum (Sum)\n") && cond.contains("LogicalAnd (LogicalAnd)\n"), cond);
        assertTrue(run(model, "ls while_cond_4/\n").startsWith("function (while_while_loop_counter: int32, "));
    }

    @Test
    void showOfAnIfListsItsBranchesAndABodyNodeCanBeShown() throws IOException {
        String model = "testdata/models/cond_v2.pb";
        String shown = run(model, "show branch\n");
        assertTrue(shown.contains("  function then_branch: branch_true_3 2 nodes (mul_input: float32) -> "
                + "(mul: float32); 'ls branch_true_3/' lists them\n"), shown);
        assertTrue(shown.contains("  function else_branch: branch_false_4 2 nodes"), shown);
        String body = run(model, "show branch_true_3/mul_0\n");
        assertTrue(body.startsWith("branch_true_3/mul_0\n  op:        Mul\n") && body.contains("  input:     mul_input\n"),
                body);
    }
}
