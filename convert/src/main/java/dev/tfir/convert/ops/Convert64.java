package dev.tfir.convert.ops;

import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Output;

/** Index inputs (shapes, axes, indices) as i64, the type OpenVINO's ops take them in everywhere. */
final class Convert64 {
    private Convert64() {}

    static Output of(Output indices) {
        return Elementwise.convert(indices, ElementType.I64);
    }
}
