package dev.tfir.convert.pipeline;

import dev.tfir.common.detect.IoDetector;
import dev.tfir.common.graph.TensorRef;
import dev.tfir.common.graph.TfGraph;
import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.options.InputSpec;
import dev.tfir.convert.options.LayoutSpec;
import dev.tfir.convert.options.ShapeText;
import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.TfTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.tensorflow.proto.NodeDef;

/**
 * Resolves the model inputs as mo does: the places {@code --input} names (or the Placeholders the outputs need),
 * then the Placeholders the outputs need besides those {@code --input} names (with their declared shapes), each with
 * its element type ({@code {type}}, the Placeholder's dtype or the inferred one) and shape ({@code --input} or
 * {@code --input_shape}, else the declared or inferred one, then the batch of {@code -b} on the layout's N axis or
 * axis 0).
 */
final class InputResolver {
    private final TfGraph graph;
    private final GraphTypes types;
    private final ConversionRequest request;

    private InputResolver(TfGraph graph, GraphTypes types, ConversionRequest request) {
        this.graph = graph;
        this.types = types;
        this.request = request;
    }

    static List<ModelInput> resolve(TfGraph graph, GraphTypes types, ConversionRequest request,
                                    ModelEnds.Ends ends) {
        return new InputResolver(graph, types, request).resolve(ends);
    }

    /** The inputs --input names (or the default ones) with their shapes, then the further ones. */
    private List<ModelInput> resolve(ModelEnds.Ends ends) {
        List<InputSpec> specs = new ArrayList<>(request.inputs());
        if (specs.isEmpty()) {
            ends.defaultInputs().forEach(name -> specs.add(new InputSpec(name, null, null, null)));
        }
        List<PartialShape> shapes = request.inputShapes();
        if (!shapes.isEmpty() && shapes.size() != specs.size()) {
            throw new ConversionException("--input_shape gives " + shapes.size() + " shape(s) for " + specs.size()
                    + " input(s); give one per input, in the order of --input");
        }
        if (!shapes.isEmpty() && specs.stream().anyMatch(s -> s.shape() != null)) {
            throw new ConversionException("shapes are given both in --input and in --input_shape; give them in "
                    + "one of the two");
        }
        List<ModelInput> inputs = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            inputs.add(resolve(specs.get(i), shapes.isEmpty() ? null : shapes.get(i)));
        }
        for (String name : ends.furtherInputs()) {
            inputs.add(resolve(new InputSpec(name, null, null, null), null));
        }
        return withBatch(inputs);
    }

    private ModelInput resolve(InputSpec spec, PartialShape givenShape) {
        GraphPlaces.Place place = GraphPlaces.find(graph, spec.name(), "--input");
        TensorRef tensor = GraphPlaces.tensorOf(graph, place);
        NodeDef producer = graph.node(graph.indexOf(tensor.node()));
        boolean placeholder = producer.getOp().startsWith("Placeholder") && tensor.port() == 0;
        ElementType type = spec.type() != null ? spec.type()
                : placeholder ? TfTypes.elementType(producer.getAttrOrThrow("dtype").getType())
                : TfTypes.elementType(types.of(tensor).dtype());
        if (type == null) {
            throw new ConversionException("the element type of input '" + spec.name() + "' is unknown or has no "
                    + "OpenVINO equivalent; give it in --input, e.g. " + spec.name() + "{f32}");
        }
        PartialShape shape = spec.shape() != null ? spec.shape() : givenShape != null ? givenShape
                : placeholder && producer.containsAttr("shape") ? IoDetector.declaredShape(producer)
                : types.of(tensor).shape();
        if (spec.value() != null && spec.shape() == null) {
            shape = spec.value().size() == 1 ? PartialShape.of() : PartialShape.of(spec.value().size());
        }
        if (!shape.hasRank()) {
            throw new ConversionException("the shape of input '" + spec.name() + "' is unknown; give it with "
                    + "--input_shape or --input " + spec.name() + "[...]");
        }
        String name = spec.name();
        return new ModelInput(name, place.tensor(), place.edge(), type, shape, spec.value());
    }

    /** Applies -b to each input: on the layout's N axis, or axis 0 when its size is -1, 0 or 1 there. */
    private List<ModelInput> withBatch(List<ModelInput> inputs) {
        if (request.batch() == null) {
            return inputs;
        }
        List<LayoutSpec.Named> layouts = request.layout() == null ? List.of()
                : PerInput.match(names(inputs), request.layout().layouts(), LayoutSpec.Named::name, "--layout");
        List<ModelInput> batched = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            ModelInput input = inputs.get(i);
            LayoutSpec.Named layout = layouts.isEmpty() ? null : layouts.get(i);
            int axis = layout == null ? 0 : layout.indexOf('N');
            if (input.frozenValue() != null || input.shape().rank() == 0 || axis < 0) {
                batched.add(input);
                continue;
            }
            long dim = input.shape().dim(axis);
            if (layout == null && dim > 1) {
                throw new ConversionException("-b sets the size of axis 0, but input '" + input.name() + "' has the "
                        + "shape " + ShapeText.format(input.shape()) + " whose axis 0 is not a batch (-1, 0 or 1); "
                        + "give --input_shape instead, or --layout to say where the batch is");
            }
            long[] dims = input.shape().dims();
            dims[axis] = request.batch();
            batched.add(new ModelInput(input.name(), input.tensor(), input.edge(), input.type(),
                    PartialShape.of(dims), null));
        }
        return batched;
    }

    static List<Predicate<String>> names(List<ModelInput> inputs) {
        return inputs.stream().map(input -> (Predicate<String>) input::isNamed).toList();
    }
}
