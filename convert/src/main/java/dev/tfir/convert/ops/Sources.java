package dev.tfir.convert.ops;

import dev.tfir.common.infer.Shapes;
import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.ir.Output;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/** The model's ends: Parameter-1 (an input) and Result-1 (an output). */
public final class Sources {
    private Sources() {}

    public static Node parameter(ElementType type, PartialShape shape) {
        String dims = LongStream.of(shape.dims()).mapToObj(d -> Shapes.known(d) ? Long.toString(d) : "?")
                .collect(Collectors.joining(","));
        return Node.builder("Parameter", "opset1").attribute("shape", dims)
                .attribute("element_type", type.irName()).output(type, shape).build();
    }

    public static Node result(Output value) {
        return Node.builder("Result", "opset1").inputs(value).build();
    }
}
