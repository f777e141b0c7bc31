package dev.tfir.convert.ir;

import dev.tfir.common.types.PartialShape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One operation of an OpenVINO model: its type and opset, the attributes of its {@code <data>} element (in the
 * order they are written), its inputs, and the element type and shape of each output. A Const also holds its value.
 * Names are given after creation: the friendly name (the layer's {@code name}) and the tensor names of outputs.
 */
public final class Node {
    private final String type;
    private final String opset;
    private final Map<String, String> attributes;
    private final List<Output> inputs;
    private final List<ElementType> outputTypes;
    private final List<PartialShape> outputShapes;
    private final List<Set<String>> tensorNames;
    private final ConstTensor value;
    private final List<SubGraph> subGraphs;
    private final Set<String> runtimeInfo = new LinkedHashSet<>();
    private String name;
    private boolean keepsPrecision;

    private Node(Builder builder, ConstTensor value) {
        this.type = builder.type;
        this.opset = builder.opset;
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(builder.attributes));
        this.inputs = new ArrayList<>(builder.inputs);
        this.outputTypes = List.copyOf(builder.outputTypes);
        this.outputShapes = List.copyOf(builder.outputShapes);
        this.tensorNames = new ArrayList<>();
        for (int i = 0; i < outputTypes.size(); i++) {
            tensorNames.add(new LinkedHashSet<>());
        }
        this.value = value;
        this.subGraphs = List.copyOf(builder.subGraphs);
    }

    /**
     * A copy of this node reading {@code inputs} instead of its own: its type, attributes, outputs, value, bodies,
     * name, runtime information and precision, not its tensor names.
     */
    public Node copyReading(List<Output> inputs) {
        Builder builder = builder(type, opset).inputs(inputs);
        attributes.forEach(builder::attribute);
        for (int i = 0; i < outputTypes.size(); i++) {
            builder.output(outputTypes.get(i), outputShapes.get(i));
        }
        subGraphs.forEach(builder::subGraph);
        Node copy = new Node(builder, value);
        copy.runtimeInfo.addAll(runtimeInfo);
        copy.name = name;
        copy.keepsPrecision = keepsPrecision;
        return copy;
    }

    /** Starts a node of the given type, e.g. {@code builder("Convolution", "opset1")}. */
    public static Builder builder(String type, String opset) {
        return new Builder(type, opset);
    }

    /** A Const holding {@code value}. */
    public static Node constant(ConstTensor value) {
        Builder builder = builder("Const", "opset1")
                .attribute("element_type", value.type().irName())
                .attribute("shape", AttributeText.list(value.shape()))
                .output(value.type(), value.partialShape());
        return new Node(builder, value);
    }

    public String type() {
        return type;
    }

    public String opset() {
        return opset;
    }

    /** The {@code <data>} attributes, in order (for a Const without offset and size, which the writer adds). */
    public Map<String, String> attributes() {
        return attributes;
    }

    public List<Output> inputs() {
        return Collections.unmodifiableList(inputs);
    }

    public Output input(int index) {
        return inputs.get(index);
    }

    /** Rewires one input (for passes that insert nodes between producers and consumers). */
    public void replaceInput(int index, Output replacement) {
        inputs.set(index, replacement);
    }

    public int outputCount() {
        return outputTypes.size();
    }

    public Output output(int port) {
        if (port < 0 || port >= outputTypes.size()) {
            throw new IndexOutOfBoundsException(type + " has no output " + port);
        }
        return new Output(this, port);
    }

    public ElementType outputType(int port) {
        return outputTypes.get(port);
    }

    public PartialShape outputShape(int port) {
        return outputShapes.get(port);
    }

    /** The tensor names of an output (users find inputs and outputs by them). */
    public Set<String> tensorNames(int port) {
        return Collections.unmodifiableSet(tensorNames.get(port));
    }

    public void addTensorNames(int port, List<String> names) {
        tensorNames.get(port).addAll(names);
    }

    /** The value of a Const; null for other nodes. */
    public ConstTensor value() {
        return value;
    }

    /** The bodies of a Loop or an If, with their port maps; empty for other nodes. */
    public List<SubGraph> subGraphs() {
        return subGraphs;
    }

    /** Names of the {@code <rt_info>} attributes of the layer, e.g. {@code decompression}. */
    public Set<String> runtimeInfo() {
        return Collections.unmodifiableSet(runtimeInfo);
    }

    public void addRuntimeInfo(String attribute) {
        runtimeInfo.add(attribute);
    }

    /** True when FP16 compression must leave this node's constant inputs in f32. */
    public boolean keepsPrecision() {
        return keepsPrecision;
    }

    public void keepPrecision() {
        keepsPrecision = true;
    }

    /** The friendly name, or null before naming. */
    public String name() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return type + "(" + (name == null ? "unnamed" : name) + ")";
    }

    /** Collects a node's type, attributes, inputs and outputs. */
    public static final class Builder {
        private final String type;
        private final String opset;
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private final List<Output> inputs = new ArrayList<>();
        private final List<ElementType> outputTypes = new ArrayList<>();
        private final List<PartialShape> outputShapes = new ArrayList<>();
        private final List<SubGraph> subGraphs = new ArrayList<>();

        private Builder(String type, String opset) {
            this.type = type;
            this.opset = opset;
        }

        public Builder attribute(String key, String text) {
            attributes.put(key, text);
            return this;
        }

        public Builder attribute(String key, long... values) {
            return attribute(key, AttributeText.list(values));
        }

        public Builder attribute(String key, boolean flag) {
            return attribute(key, Boolean.toString(flag));
        }

        public Builder attribute(String key, double number) {
            return attribute(key, AttributeText.number(number));
        }

        public Builder inputs(Output... values) {
            inputs.addAll(List.of(values));
            return this;
        }

        public Builder inputs(List<Output> values) {
            inputs.addAll(values);
            return this;
        }

        public Builder output(ElementType elementType, PartialShape shape) {
            if (!shape.hasRank()) {
                throw new IllegalArgumentException(type + " output of unknown rank");
            }
            outputTypes.add(elementType);
            outputShapes.add(shape);
            return this;
        }

        public Builder subGraph(SubGraph body) {
            subGraphs.add(body);
            return this;
        }

        public Node build() {
            return new Node(this, null);
        }

        /** Builds the node and returns its first output. */
        public Output buildOutput() {
            return build().output(0);
        }
    }
}
