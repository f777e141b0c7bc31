package dev.tfir.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --signature on TF2 SavedModels made by real TensorFlow without a serving_default signature
 * (tools/models/make_signature_models.py): the one named is converted; without it, the only one there is, or one
 * line naming the choices. (conformance: the IRs give TensorFlow's signature_outputs.txt in both runtimes.)
 */
class SignatureConvertTest {
    private static final Path TWO = TestData.model("saved_model_two_signatures");

    @TempDir
    Path dir;

    @Test
    void theNamedSignatureIsConverted() throws IOException {
        Cli result = Cli.run("--saved_model_dir", TWO.toString(), "--signature", "embed", "-n", "embed",
                "--output_dir", dir.toString());
        assertEquals(0, result.exitCode(), result.err());
        String xml = Files.readString(dir.resolve("embed.xml"));
        // embed: input 'features', outputs 'embedding' and 'norm' (names mo gives a signature's tensors: its keys)
        assertTrue(xml.contains("names=\"features"), xml);
        assertTrue(xml.contains(",Identity,Identity:0,embedding\""), xml);
        assertTrue(xml.contains(",Identity_1,Identity_1:0,norm\""), xml);
        assertFalse(xml.contains("names=\"x"), xml);
    }

    @Test
    void withoutSignatureTheChoicesAreNamed() {
        Cli result = Cli.run("--saved_model_dir", TWO.toString(), "--output_dir", dir.toString());
        assertEquals(1, result.exitCode());
        assertEquals(1, result.err().lines().count(), result.err());
        assertTrue(result.err().contains("no 'serving_default' signature but 2: 'classify', 'embed'; choose one with "
                + "--signature NAME"), result.err());
        assertEquals(0, dir.toFile().list().length);
    }

    @Test
    void theOnlySignatureIsUsed() {
        Cli result = Cli.run("--saved_model_dir", TestData.model("saved_model_one_signature").toString(), "-n", "one",
                "--output_dir", dir.toString());
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(Files.exists(dir.resolve("one.xml")));
    }

    @Test
    void anUnknownSignatureIsOneLine() {
        Cli result = Cli.run("--saved_model_dir", TWO.toString(), "--signature", "serving_default",
                "--output_dir", dir.toString());
        assertEquals(1, result.exitCode());
        assertTrue(result.err().contains("has no signature 'serving_default'; it has 'classify', 'embed'"),
                result.err());
    }
}
