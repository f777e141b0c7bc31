package dev.tfir.summarize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.testing.TestData;
import org.junit.jupiter.api.Test;

/**
 * --signature and the signature list on TF2 SavedModels made by real TensorFlow with signatures 'classify' and
 * 'embed' and none named serving_default, and with one signature 'predict' (tools/models/make_signature_models.py).
 */
class SignaturesCliTest {
    private static final String TWO = TestData.model("saved_model_two_signatures").toString();

    @Test
    void theNamedSignaturesInputsAndOutputs() {
        Cli result = Cli.run("--saved_model_dir", TWO, "--signature", "embed");
        assertEquals(0, result.exitCode(), result.err());
        // embed(features [None, 4]) -> {embedding, norm}: the Identity outputs mo's freezing makes, in key order
        assertEquals("1 input(s) detected:\nName: features, type: float32, shape: (-1,4)\n2 output(s) detected:\n"
                + "Identity\nIdentity_1\n", result.out());
    }

    @Test
    void jsonListsEverySignatureWithItsTensors() {
        Cli result = Cli.run("--saved_model_dir", TWO, "--signature", "classify", "--json");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("\"signature\": \"classify\""), result.out());
        assertTrue(result.out().contains("{\"name\": \"classify\", \"inputs\": [{\"key\": \"x\", \"dtype\": \"float32\", "
                + "\"shape\": [-1, 4], \"tensor\": \"classify_x:0\"}], \"outputs\": [{\"key\": \"probs\", "
                + "\"dtype\": \"float32\", \"shape\": [-1, 3]"), result.out());
        assertTrue(result.out().contains("{\"name\": \"embed\", \"inputs\": [{\"key\": \"features\""), result.out());
        assertTrue(result.out().contains("{\"key\": \"norm\", \"dtype\": \"float32\", \"shape\": [-1]"), result.out());
    }

    @Test
    void withoutSignatureOneLineNamesTheChoices() {
        Cli result = Cli.run("--saved_model_dir", TWO);
        assertEquals(1, result.exitCode());
        assertEquals("summarize-graph: error: " + TWO + ": the SavedModel has no 'serving_default' signature but 2: "
                + "'classify', 'embed'; choose one with --signature NAME\n", result.err());
    }

    @Test
    void theOnlySignatureIsUsedWithoutAsking() {
        Cli result = Cli.run("--saved_model_dir", TestData.model("saved_model_one_signature").toString());
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("1 input(s) detected:\nName: x, type: float32, shape: (-1,4)\n1 output(s) detected:\nIdentity\n",
                result.out());
    }

    @Test
    void signatureWithoutSavedModelIsAUsageError() {
        Cli result = Cli.run("--input_model", TestData.model("small_frozen.pb").toString(), "--signature", "x");
        assertEquals(2, result.exitCode());
    }
}
