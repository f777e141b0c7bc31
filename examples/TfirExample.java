import dev.tfir.ConvertedModel;
import dev.tfir.ModelSummary;
import dev.tfir.Tfir;
import dev.tfir.common.model.ModelSource;
import dev.tfir.convert.pipeline.ConversionRequest;
import java.nio.file.Path;

/** Finds a TensorFlow model's inputs and outputs, then converts it to OpenVINO IR with a batch of 1. */
public class TfirExample {
    public static void main(String[] args) {
        ModelSource model = ModelSource.graphFile(Path.of(args[0]));
        ModelSummary summary = Tfir.summarize(model);
        summary.inputs().forEach(input -> System.out.println("input " + input.name() + " " + input.shape()));
        summary.outputs().forEach(output -> System.out.println("output " + output));

        ConversionRequest request = ConversionRequest.of(model).batch(1L).outputDir(Path.of(args[1])).build();
        ConvertedModel ir = Tfir.convert(request);
        System.out.println("IR " + ir.xml().getFileName() + ", weights " + ir.bin().getFileName() + " ("
                + ir.files().binSize() + " bytes)");
    }
}
