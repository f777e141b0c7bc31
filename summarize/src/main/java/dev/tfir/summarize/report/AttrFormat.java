package dev.tfir.summarize.report;

import dev.tfir.common.types.DTypes;
import dev.tfir.common.types.PartialShape;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.TensorProto;

/** Node attributes as a person reads them: {@code strides=[1,2,2,1]}, {@code T=float32}, tensors summarised. */
public final class AttrFormat {
    private static final int MAX_STRING = 60;

    private AttrFormat() {}

    public static String format(AttrValue value) {
        return switch (value.getValueCase()) {
            case S -> quoted(value.getS().toStringUtf8());
            case I -> Long.toString(value.getI());
            case F -> Float.toString(value.getF());
            case B -> Boolean.toString(value.getB());
            case TYPE -> DTypes.pythonName(value.getType());
            case SHAPE -> PartialShape.fromProto(value.getShape()).toSummaryString();
            case TENSOR -> tensor(value.getTensor());
            case LIST -> list(value.getList());
            case FUNC -> "function " + value.getFunc().getName();
            case PLACEHOLDER -> "$" + value.getPlaceholder();
            case VALUE_NOT_SET -> "(unset)";
        };
    }

    private static String list(AttrValue.ListValue list) {
        List<String> items = new ArrayList<>();
        list.getSList().forEach(s -> items.add(quoted(s.toStringUtf8())));
        list.getIList().forEach(i -> items.add(Long.toString(i)));
        list.getFList().forEach(f -> items.add(Float.toString(f)));
        list.getBList().forEach(b -> items.add(Boolean.toString(b)));
        list.getTypeList().forEach(t -> items.add(DTypes.pythonName(t)));
        list.getShapeList().forEach(s -> items.add(PartialShape.fromProto(s).toSummaryString()));
        list.getTensorList().forEach(t -> items.add(tensor(t)));
        list.getFuncList().forEach(f -> items.add(f.getName()));
        return items.stream().collect(Collectors.joining(",", "[", "]"));
    }

    /** "float32 (64,3,7,7), 9408 values" or, for a small tensor, its values. */
    static String tensor(TensorProto tensor) {
        PartialShape shape = PartialShape.fromProto(tensor.getTensorShape());
        String head = DTypes.pythonName(tensor.getDtype()) + " " + shape.toSummaryString();
        String values = smallValues(tensor);
        return values.isEmpty() ? head + ", " + Math.max(0, shape.elementCount()) + " values" : head + " " + values;
    }

    private static String smallValues(TensorProto tensor) {
        if (!tensor.getTensorContent().isEmpty()) {
            return "";
        }
        List<String> items = new ArrayList<>();
        tensor.getFloatValList().forEach(v -> items.add(Float.toString(v)));
        tensor.getIntValList().forEach(v -> items.add(Integer.toString(v)));
        tensor.getInt64ValList().forEach(v -> items.add(Long.toString(v)));
        tensor.getBoolValList().forEach(v -> items.add(Boolean.toString(v)));
        tensor.getStringValList().forEach(v -> items.add(quoted(v.toStringUtf8())));
        tensor.getDoubleValList().forEach(v -> items.add(Double.toString(v)));
        return items.isEmpty() || items.size() > 16 ? "" : items.stream().collect(Collectors.joining(", ", "[", "]"));
    }

    private static String quoted(String s) {
        String shown = s.length() > MAX_STRING ? s.substring(0, MAX_STRING) + "..." : s;
        return "\"" + shown.replace("\n", "\\n") + "\"";
    }
}
