package dev.tfir.summarize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.testing.TestData;
import org.junit.jupiter.api.Test;

/** --diff on the command line: plain and JSON, identical files, other input forms, a bad other model. */
class DiffCliTest {
    private static final String INFERENCE = TestData.model("small_inference_graph.pb").toString();
    private static final String FROZEN = TestData.model("small_frozen.pb").toString();

    @Test
    void identicalFilesReportNoDifferenceAndExitZero() {
        Cli result = Cli.run("--input_model", FROZEN, "--diff", FROZEN);
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("A: " + FROZEN + " (GraphDef, 30 nodes)\nB: " + FROZEN + " (GraphDef, 30 nodes)\n"
                + "no difference: the same 30 nodes (op, inputs, attributes, constant values)\n", result.out());
    }

    @Test
    void variablesBecomingConstantsGroupedByScope() {
        Cli result = Cli.run("--input_model", INFERENCE, "--diff", FROZEN);
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("changed: 6 nodes\n  SmallNet/conv1/\n    weights: op VariableV2 -> Const; "),
                result.out());
        assertTrue(result.out().contains("attr value (none) -> float32 (3,3,3,8), 216 values"), result.out());
        Cli json = Cli.run("--input_model", INFERENCE, "--diff", FROZEN, "--json");
        assertTrue(json.out().contains("\"identical\": false"), json.out());
        assertTrue(json.out().contains("{\"name\": \"SmallNet/logits/biases\", \"op\": [\"VariableV2\", \"Const\"]"),
                json.out());
        assertTrue(json.out().contains("\"only_in_b\": {}"), json.out());
    }

    @Test
    void otherFormsAndBadInput() {
        String ir = TestData.repo().resolve("testdata/ir/two_ovc.xml").toString();
        Cli same = Cli.run("--input_model", ir, "--diff", ir);
        assertTrue(same.out().contains("(OpenVINO IR v11, 6 nodes)\nno difference"), same.out());
        Cli savedModel = Cli.run("--saved_model_dir", TestData.model("saved_model_tf2").toString(), "--diff",
                TestData.model("saved_model_tf2").toString());
        assertTrue(savedModel.out().contains("no difference"), savedModel.out() + savedModel.err());
        Cli bad = Cli.run("--input_model", FROZEN, "--diff", TestData.model("no_such.pb").toString());
        assertEquals(1, bad.exitCode());
        assertEquals(1, bad.err().lines().count(), bad.err());
    }
}
