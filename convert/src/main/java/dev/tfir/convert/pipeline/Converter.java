package dev.tfir.convert.pipeline;

import dev.tfir.cli.Versions;
import dev.tfir.common.graph.TensorRef;
import dev.tfir.common.graph.TfGraph;
import dev.tfir.common.model.LoadedModel;
import dev.tfir.common.model.ModelLoader;
import dev.tfir.common.model.ModelSource;
import dev.tfir.common.model.VariableValues;
import dev.tfir.convert.ir.IrModel;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.NodeNames;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Sources;
import dev.tfir.convert.progress.Progress;
import dev.tfir.convert.translate.Boundary;
import dev.tfir.convert.translate.TfTensor;
import dev.tfir.convert.translate.TranslationSession;
import dev.tfir.convert.translate.op.OpTable;
import dev.tfir.convert.weights.CheckpointConstants;
import dev.tfir.convert.weights.ConstantSource;
import dev.tfir.convert.weights.GraphConstants;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The conversion pipeline: read the model (common's loader), choose inputs and outputs ({@link ModelEnds}: the
 * detector's a model input reaches, or {@code --input}/{@code --output} cutting the graph), put Parameters with their preprocessing at the inputs,
 * translate what the outputs need (weights from the graph or the variables' checkpoint), end each output in a
 * Result, fold batch norms into convolutions, name every layer, and compress weights to FP16 if asked.
 */
public final class Converter {
    private final Progress progress;

    /** A converter that reports nothing. */
    public Converter() {
        this(Progress.NONE);
    }

    /** A converter that reports its steps to {@code progress}. */
    public Converter(Progress progress) {
        this.progress = progress;
    }

    /** Converts the model; a {@code TfirException} says what in the model or the options stands in the way. */
    public Conversion convert(ConversionRequest request) {
        progress.step("reading the model", 0);
        LoadedModel loaded = ModelLoader.loadForConversion(request.source());
        TfGraph graph = loaded.graph();
        GraphTypes types = new GraphTypes(graph);
        ModelEnds.Ends ends = ModelEnds.choose(graph, types, request, !loaded.signatureKeys().isEmpty());
        List<TensorRef> outputs = ends.outputs();
        List<ModelInput> inputs = InputResolver.resolve(graph, types, request, ends);
        List<Preprocessing> steps = Preprocessing.resolve(inputs, request);

        Boundary boundary = new Boundary(outputs);
        List<Node> parameters = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            bind(inputs.get(i), steps.get(i), boundary, parameters, loaded);
        }
        progress.step("translating " + graph.size() + " nodes", 0);
        TranslationSession.Result translated;
        try (ConstantSource constants = constants(request.source(), loaded)) {
            translated = TranslationSession.run(graph, OpTable.standard(), constants, boundary, types.inference());
        }
        List<Node> results = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            Output value = translated.outputs().get(i).tfLayout();
            String key = signatureName(loaded, outputs.get(i));
            if (key != null) {
                value.node().addTensorNames(value.port(), List.of(key));
            }
            Node result = Sources.result(value);
            result.setName(outputs.get(i).node() + ":" + outputs.get(i).port());
            results.add(result);
        }
        IrModel model = new IrModel(request.modelName(), used(parameters, results), results,
                runtimeInfo(request));
        BatchNormFolding.apply(model);
        NodeNames.complete(model);
        if (request.compressToFp16()) {
            progress.step("compressing the weights to FP16", 0);
            Fp16Compression.apply(model);
        }
        List<String> described = steps.stream().map(Preprocessing::describe).toList();
        return new Conversion(model, inputs, described, outputs, ends.furtherInputs(), ends.unreached(),
                ends.unneeded(), translated.translatedNodes(), loaded.form(),
                translated.conditionals());
    }

    /** The graph's constants; with variables also their checkpoint (where the model source says it is). */
    private static ConstantSource constants(ModelSource source, LoadedModel loaded) {
        VariableValues variables = new VariableValues(source, loaded);
        return variables.hasCheckpoint() ? new CheckpointConstants(variables) : new GraphConstants();
    }

    /**
     * Feeds the input's place from a Parameter with its preprocessing, or from its frozen value. A Parameter is
     * named as its TensorFlow tensor and, in a SavedModel, as its signature key too (mo's name for it).
     */
    private static void bind(ModelInput input, Preprocessing steps, Boundary boundary, List<Node> parameters,
                             LoadedModel loaded) {
        TfTensor value;
        if (input.frozenValue() != null) {
            Output constant = FrozenValues.constant(input);
            constant.node().setName(input.name());
            value = TfTensor.of(constant);
        } else {
            Node parameter = Sources.parameter(input.type(), input.shape());
            parameter.setName(input.name());
            parameter.addTensorNames(0, input.tensorNames());
            String key = input.tensor() == null ? null : signatureName(loaded, input.tensor());
            if (key != null) {
                parameter.addTensorNames(0, List.of(key));
            }
            parameters.add(parameter);
            value = TfTensor.of(steps.apply(parameter.output(0), input.name()));
        }
        if (input.tensor() != null) {
            boundary.bind(input.tensor(), value);
        } else {
            boundary.bind(input.edge(), value);
        }
    }

    /**
     * The key a SavedModel's signature gives the tensor, where it is another name: not the tensor's own node name,
     * nor the name of another node (tensor names must be unique in an IR).
     */
    private static String signatureName(LoadedModel loaded, TensorRef tensor) {
        String key = loaded.signatureKeys().get(tensor);
        return key == null || loaded.graph().indexOf(key) >= 0 ? null : key;
    }

    /** The Parameters the Results need, in order. */
    private static List<Node> used(List<Node> parameters, List<Node> results) {
        Set<Node> needed = new HashSet<>(new IrModel("", List.of(), results, Map.of()).orderedNodes());
        return parameters.stream().filter(needed::contains).toList();
    }

    private static Map<String, Object> runtimeInfo(ConversionRequest request) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("conversion_parameters", new LinkedHashMap<>(request.givenOptions()));
        info.put("tfir_version", Versions.tfir());
        return info;
    }
}
