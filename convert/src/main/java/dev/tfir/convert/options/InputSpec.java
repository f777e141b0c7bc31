package dev.tfir.convert.options;

import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.ir.ElementType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One item of mo's {@code --input}: {@code name}, {@code name:port} (an output tensor) or {@code port:name} (an
 * input edge), with an optional shape {@code [1,224,224,3]}, element type {@code {f32}} and frozen value
 * {@code ->[1 2 3]} or {@code ->5}.
 *
 * @param name  the node name with the port as given
 * @param shape the shape, or null
 * @param type  the element type, or null
 * @param value the frozen value's elements as text, or null
 */
public record InputSpec(String name, PartialShape shape, ElementType type, List<String> value) {
    private static final Pattern TYPE = Pattern.compile("\\{([^}]*)}");
    private static final Pattern SHAPE = Pattern.compile("[(\\[][0-9.?,\\s-]*[)\\]]");

    /** Parses the whole option value, items separated by commas outside brackets. */
    public static List<InputSpec> parseList(String text) {
        List<InputSpec> specs = new ArrayList<>();
        for (String item : OptionSyntax.splitItems(text)) {
            specs.add(parse(item));
        }
        return specs;
    }

    static InputSpec parse(String item) {
        String text = item;
        List<String> value = null;
        int arrow = text.indexOf("->");
        if (arrow >= 0) {
            value = values(text.substring(arrow + 2).trim(), item);
            text = text.substring(0, arrow);
        }
        ElementType type = null;
        Matcher typeMatch = TYPE.matcher(text);
        if (typeMatch.find()) {
            type = ElementType.parse(typeMatch.group(1));
            text = text.substring(0, typeMatch.start()) + text.substring(typeMatch.end());
        }
        PartialShape shape = null;
        Matcher shapeMatch = SHAPE.matcher(text);
        if (shapeMatch.find()) {
            shape = ShapeText.parse(shapeMatch.group());
            text = text.substring(0, shapeMatch.start()) + text.substring(shapeMatch.end());
        }
        String name = text.trim();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("'" + item + "' names no node");
        }
        if (value != null && shape != null && shape.elementCount() != value.size()
                && !(shape.rank() == 0 && value.size() == 1)) {
            throw new IllegalArgumentException("'" + item + "' gives " + value.size() + " values for the shape "
                    + ShapeText.format(shape));
        }
        return new InputSpec(name, shape, type, value);
    }

    private static List<String> values(String text, String item) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("'" + item + "' has no value after ->");
        }
        return text.startsWith("[") || text.startsWith("(") ? OptionSyntax.bracketed(text) : List.of(text);
    }
}
