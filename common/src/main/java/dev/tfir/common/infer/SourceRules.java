package dev.tfir.common.infer;

import static dev.tfir.common.infer.ShapeRule.one;

import dev.tfir.common.types.PartialShape;
import java.util.List;

/** Ops with no data input whose type is in their attrs: Placeholder, Const; and PlaceholderWithDefault. */
final class SourceRules {
    private SourceRules() {}

    static void addTo(RuleTable table) {
        table.add(c -> one(c.attrs().type("dtype"), c.attrs().shape("shape")), "Placeholder");
        table.add(SourceRules::placeholderWithDefault, "PlaceholderWithDefault");
        table.add(c -> one(c.attrs().type("dtype"),
                PartialShape.fromProto(c.attrs().tensor("value").getTensorShape())), "Const", "HostConst");
    }

    /** The shape attr, which may be less specific than the default value (input 0) but must fit it. */
    private static List<TensorType> placeholderWithDefault(NodeContext c) {
        PartialShape shape = c.attrs().shape("shape");
        Shapes.merge(c.shape(0), shape);
        return one(c.attrs().type("dtype"), shape);
    }
}
