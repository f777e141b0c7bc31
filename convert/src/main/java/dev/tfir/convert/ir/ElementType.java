package dev.tfir.convert.ir;

import java.util.Locale;

/**
 * An OpenVINO element type, with the two spellings the IR uses: {@code element_type="f32"} in a layer's data and
 * {@code precision="FP32"} on its ports.
 */
public enum ElementType {
    F32("FP32", 4, true),
    F16("FP16", 2, true),
    BF16("BF16", 2, true),
    F64("FP64", 8, true),
    I64("I64", 8, false),
    I32("I32", 4, false),
    I16("I16", 2, false),
    I8("I8", 1, false),
    U64("U64", 8, false),
    U32("U32", 4, false),
    U16("U16", 2, false),
    U8("U8", 1, false),
    BOOLEAN("BOOL", 1, false);

    private final String precision;
    private final int byteSize;
    private final boolean floating;

    ElementType(String precision, int byteSize, boolean floating) {
        this.precision = precision;
        this.byteSize = byteSize;
        this.floating = floating;
    }

    /** The name in {@code element_type} and {@code destination_type} attributes: f32, i64, boolean... */
    public String irName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The name in a port's {@code precision} attribute: FP32, I64, BOOL... */
    public String precision() {
        return precision;
    }

    public int byteSize() {
        return byteSize;
    }

    public boolean isFloating() {
        return floating;
    }

    public boolean isInteger() {
        return !floating && this != BOOLEAN;
    }

    /** The type named by an IR name ({@code f32}) or the forms mo accepts in {@code --input} ({@code fp32}). */
    public static ElementType parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        ElementType alias = switch (n) {
            case "fp32", "float", "float32" -> F32;
            case "fp16", "half", "float16" -> F16;
            case "bfloat16" -> BF16;
            case "fp64", "double", "float64" -> F64;
            case "bool" -> BOOLEAN;
            case "int64" -> I64;
            case "int32" -> I32;
            case "uint8" -> U8;
            default -> null;
        };
        if (alias != null) {
            return alias;
        }
        for (ElementType type : values()) {
            if (type.irName().equals(n)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown element type '" + name + "'");
    }
}
