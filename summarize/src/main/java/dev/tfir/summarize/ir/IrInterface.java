package dev.tfir.summarize.ir;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The inputs (Parameters) and outputs (Results) of an IR, in file order, named as OpenVINO's IR frontend names them:
 * the ports' {@code names}; an IR v10 also gets the names the old API used (a Parameter's layer name; for a Result,
 * its producer's layer name, with ".PORT" when the producer has several outputs).
 */
public record IrInterface(List<IrTensor> inputs, List<IrTensor> outputs) {

    public static IrInterface of(IrModel model) {
        Map<Integer, IrLayer> byId = model.byId();
        List<IrTensor> inputs = new ArrayList<>();
        List<IrTensor> outputs = new ArrayList<>();
        for (IrLayer layer : model.layers()) {
            if (layer.type().equals("Parameter") && !layer.outputs().isEmpty()) {
                IrPort port = layer.outputs().get(0);
                Set<String> names = new LinkedHashSet<>(port.names());
                if (model.version() == 10) {
                    names.add(layer.name());
                }
                String shape = layer.data().get("shape");
                inputs.add(new IrTensor(layer.name(), List.copyOf(names),
                        layer.data().getOrDefault("element_type", port.elementType()),
                        shape == null ? port.shapeText() : IrDims.shape(shape)));
            } else if (layer.type().equals("Result") && !layer.inputs().isEmpty()) {
                outputs.add(output(model, byId, layer));
            }
        }
        return new IrInterface(inputs, outputs);
    }

    private static IrTensor output(IrModel model, Map<Integer, IrLayer> byId, IrLayer result) {
        IrPort port = result.inputs().get(0);
        Set<String> names = new LinkedHashSet<>();
        String elementType = port.elementType();
        for (IrEdge edge : model.edges()) {
            if (edge.toLayer() == result.id() && edge.toPort() == port.id()) {
                IrLayer producer = byId.get(edge.fromLayer());
                int index = producer.outputIndex(edge.fromPort());
                names.addAll(producer.outputs().get(index).names());
                elementType = elementType.isEmpty() ? producer.outputs().get(index).elementType() : elementType;
                if (model.version() == 10) {
                    names.add(producer.name() + (producer.outputs().size() > 1 ? "." + index : ""));
                }
            }
        }
        return new IrTensor(result.name(), List.copyOf(names), elementType, port.shapeText());
    }
}
