package dev.tfir.summarize.repl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.model.ModelLoader;
import dev.tfir.common.model.ModelSource;
import dev.tfir.common.testing.TestData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The terminal path of the REPL (JLine line reader, prompt, history), on a dumb terminal fed by a stream. */
class DumbTerminalTest {

    private static String session(ModelSource source, String typed, Path home) throws IOException {
        String previousHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (Terminal terminal = new DumbTerminal("test", Terminal.TYPE_DUMB,
                new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8)) {
            new GraphShell(source, ModelLoader.load(source)).runOnTerminal(terminal);
        } finally {
            System.setProperty("user.home", previousHome);
        }
        return screen.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyCommandRunsOnADumbTerminal(@TempDir Path home) throws IOException {
        String typed = String.join("\n", "summary", "inputs", "outputs", "ls InceptionV1/Logits",
                "find Predictions/Soft", "ops Softmax", "show InceptionV1/Logits/Predictions/Softmax",
                "in InceptionV1/Logits/Predictions/Reshape_1 1", "out input 1",
                "path input InceptionV1/Logits/Predictions/Reshape_1", "stats", "consts --top 1",
                "cut --output InceptionV1/Logits/Predictions/Reshape_1", "help", "quit", "");
        String screen = session(ModelSource.graphFile(TestData.model("inception_v1_inference_graph.pb")), typed, home);
        for (String expected : new String[] {"tfir> ", "1 input(s) detected:", "input  float32 (-1,224,224,3)",
                "InceptionV1/Logits/Predictions/Reshape_1 (Reshape)", "Predictions/ ", "op:        Softmax",
                "└─ InceptionV1/InceptionV1/Conv2d_1a_7x7/Conv2D (Conv2D)", "Op types used: ",
                "InceptionV1/Logits/Conv2d_0c_1x1/weights (VariableV2)", "cut: ", "leave (also Ctrl-D)"}) {
            assertTrue(screen.contains(expected), "missing '" + expected + "' in:\n" + screen);
        }
        assertTrue(!screen.contains("\u001b["), "a dumb terminal gets no colour codes");
    }

    @Test
    void savedModelOnADumbTerminal(@TempDir Path home) throws IOException {
        ModelSource savedModel = ModelSource.savedModel(TestData.model("saved_model_tf2"));
        String screen = session(savedModel, "inputs\noutputs\n", home);
        assertTrue(screen.contains("image  float32 (-1,32,32,3)") && screen.contains("Identity (Identity)"), screen);
    }
}
