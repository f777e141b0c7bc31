package dev.tfir.summarize.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tfir.common.model.ModelSource;
import dev.tfir.common.testing.TestData;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 'signatures' on a TF2 SavedModel with signatures 'classify' and 'embed' (made by TensorFlow), read with embed. */
class SignaturesCommandTest {
    @Test
    void listsEverySignatureAndMarksTheOneInUse() throws IOException {
        ModelSource source = new ModelSource(null, false, false, null,
                TestData.model("saved_model_two_signatures"), List.of(), null, "embed");
        assertEquals("""
                classify
                  input  x: float32 (-1,4)  tensor classify_x:0
                  output probs: float32 (-1,3)  tensor StatefulPartitionedCall:0
                embed (used)
                  input  features: float32 (-1,4)  tensor embed_features:0
                  output embedding: float32 (-1,3)  tensor StatefulPartitionedCall_1:0
                  output norm: float32 (-1,)  tensor StatefulPartitionedCall_1:1
                """, GraphShellTest.run(source, "signatures\n"));
    }

    @Test
    void aGraphHasNone() throws IOException {
        assertEquals("no signatures: only a SavedModel has them\n",
                GraphShellTest.run(ModelSource.graphFile(TestData.model("small_frozen.pb")), "signatures\n"));
    }
}
