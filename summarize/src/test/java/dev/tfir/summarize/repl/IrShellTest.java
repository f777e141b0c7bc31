package dev.tfir.summarize.repl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.model.ModelSource;
import dev.tfir.common.testing.TestData;
import dev.tfir.summarize.ir.IrReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The REPL on an OpenVINO IR written by ovc (testdata/ir/small_ovc.xml): layers are explored as nodes. */
class IrShellTest {
    private static final Path IR = TestData.repo().resolve("testdata/ir/small_ovc.xml");

    private static String run(String script) throws IOException {
        GraphShell shell = new GraphShell(ModelSource.graphFile(IR), IrReader.read(IR));
        StringWriter out = new StringWriter();
        shell.runScript(new BufferedReader(new StringReader(script)), new PrintWriter(out, true));
        return out.toString();
    }

    @Test
    void summaryShowInOutFindWorkOnLayers() throws IOException {
        String out = run("summary\nshow SmallNet/logits/MatMul\nout input:0 1\nin SmallNet/Predictions/Reshape_1:0 1\n"
                + "find *MatMul\nstats\nconvert\n");
        // the file: Parameter 'input:0' [?,32,32,3] f32; Result 'SmallNet/Predictions/Reshape_1:0' after the SoftMax
        assertTrue(out.startsWith("1 input(s) detected:\nName: input:0, type: f32, shape: [?,32,32,3]\n"
                + "1 output(s) detected:\nName: SmallNet/Predictions/Reshape_1:0,SmallNet/Predictions/Softmax:0, type: f32, shape: [?,10]\n"), out);
        assertTrue(out.contains("  op:        MatMul\n"), out);
        assertTrue(out.contains("  attr transpose_b = \"true\"\n"), out);
        assertTrue(out.contains("  output 0:  ? (-1,10)\n"), out);
        assertTrue(out.contains("  input 0:   SmallNet/flatten/flatten/Reshape (Reshape)"), out);
        assertTrue(out.contains("  consumer:  SmallNet/Predictions/Reshape_1 (SoftMax)\n"), out);
        assertTrue(out.contains("input:0 (Parameter)\n└─ Transpose_10 (Transpose)\n"), out);
        assertTrue(out.contains("SmallNet/Predictions/Reshape_1:0 (Result)\n└─ SmallNet/Predictions/Reshape_1 (SoftMax)\n"),
                out);
        assertTrue(out.contains("SmallNet/logits/MatMul (MatMul)\n"), out);
        assertTrue(out.contains("OpenVINO IR v11 'TensorFlow_Frontend_IR': 22 layers, 21 edges\n"), out);
        assertTrue(out.contains("unknown command 'convert'"), out); // cut, save and convert are for TensorFlow graphs
    }
}
