package dev.tfir.summarize.ir;

import java.util.Locale;
import java.util.Map;

/** OpenVINO element types: the names ports' {@code precision} uses ("FP32", "I64", "BOOL") as element types ("f32"). */
final class ElementTypes {
    private static final Map<String, String> RENAMED = Map.of("BOOL", "boolean", "FP64", "f64", "FP32", "f32",
            "FP16", "f16", "MIXED", "dynamic", "UNSPECIFIED", "dynamic");

    private ElementTypes() {}

    static String ofPrecision(String precision) {
        String upper = precision.toUpperCase(Locale.ROOT);
        return RENAMED.getOrDefault(upper, precision.toLowerCase(Locale.ROOT));
    }
}
