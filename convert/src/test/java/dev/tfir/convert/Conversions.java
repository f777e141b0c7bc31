package dev.tfir.convert;

import dev.tfir.common.model.ModelSource;
import dev.tfir.convert.options.InputSpec;
import dev.tfir.convert.ir.IrModel;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.pipeline.Conversion;
import dev.tfir.convert.pipeline.ConversionRequest;
import dev.tfir.convert.pipeline.Converter;
import java.nio.file.Path;
import java.util.List;

/** Converts test graphs in memory, with mo's defaults except where a test says otherwise. */
public final class Conversions {
    private Conversions() {}

    /** A request for the model file with no options but {@code -b} (null: none) and FP16 compression off. */
    public static ConversionRequest request(Path model, Long batch) {
        return ConversionRequest.of(ModelSource.graphFile(model)).batch(batch).compressToFp16(false).modelName("model")
                .build();
    }

    public static Conversion convert(Path model, Long batch) {
        return new Converter().convert(request(model, batch));
    }

    /** The conversion with inputs and outputs named. */
    public static Conversion convert(Path model, List<InputSpec> inputs, List<String> outputs) {
        ConversionRequest base = request(model, null);
        return new Converter().convert(ConversionRequest.of(base.source()).inputs(inputs).outputs(outputs)
                .compressToFp16(false).modelName("model").build());
    }

    /** The layers of a type, in the model's order. */
    public static List<Node> layers(IrModel model, String type) {
        return model.orderedNodes().stream().filter(n -> n.type().equals(type)).toList();
    }
}
