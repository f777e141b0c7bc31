package dev.tfir;

import dev.tfir.common.detect.IoDetector;
import dev.tfir.common.model.LoadedModel;
import dev.tfir.common.model.ModelLoader;
import dev.tfir.common.model.ModelSource;
import dev.tfir.convert.pipeline.Conversion;
import dev.tfir.convert.pipeline.ConversionRequest;
import dev.tfir.convert.pipeline.Converter;
import dev.tfir.convert.progress.Progress;
import dev.tfir.convert.write.IrFiles;

/**
 * tfir from Java, without a shell: what {@code summarize-graph} and {@code convert} do, which both run through
 * here. A problem with the model or the options is a {@code TfirException} whose message says what, where and
 * what to do.
 *
 * <pre>{@code
 * ModelSummary summary = Tfir.summarize(ModelSource.graphFile(Path.of("frozen.pb")));
 * ConvertedModel ir = Tfir.convert(ConversionRequest.of(summary.source()).batch(1L).build());
 * }</pre>
 */
public final class Tfir {
    private Tfir() {}

    /** Reads the model and finds its inputs and outputs, as summarize_graph.py does. */
    public static ModelSummary summarize(ModelSource source) {
        LoadedModel model = ModelLoader.load(source);
        return new ModelSummary(source, model, IoDetector.summarize(model.graph()));
    }

    /** Converts the model to OpenVINO IR and writes its files to the request's output directory, atomically. */
    public static ConvertedModel convert(ConversionRequest request) {
        return convert(request, Progress.NONE);
    }

    /** As {@link #convert(ConversionRequest)}, reporting the steps and the bytes written to {@code progress}. */
    public static ConvertedModel convert(ConversionRequest request, Progress progress) {
        Conversion conversion = new Converter(progress).convert(request);
        IrFiles.Written files = IrFiles.write(conversion.model(), request.outputDir(), request.modelName(), progress);
        return new ConvertedModel(conversion, files);
    }
}
