package dev.tfir.convert.pipeline;

import dev.tfir.common.model.ModelLoader;
import dev.tfir.common.model.ModelSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test-only: writes the GraphDef convert translates for a model ({@link ModelLoader#loadForConversion}: TF1 while
 * loops as functional Whiles, calls inlined), so that conformance/tf1loops/check_rewrite.py can run it in
 * TensorFlow against the original. Usage: {@code ConversionGraphDump MODEL.pb OUT.pb}.
 */
public final class ConversionGraphDump {
    private ConversionGraphDump() {}

    public static void main(String[] args) throws IOException {
        Files.write(Path.of(args[1]), ModelLoader.loadForConversion(ModelSource.graphFile(Path.of(args[0])))
                .graph().graphDef().toByteArray());
    }
}
