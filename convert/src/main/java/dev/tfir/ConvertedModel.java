package dev.tfir;

import dev.tfir.convert.pipeline.Conversion;
import dev.tfir.convert.write.IrFiles;
import java.nio.file.Path;

/**
 * An IR written by {@link Tfir#convert}.
 *
 * @param conversion the converted model, its inputs (with their preprocessing) and outputs, and what was left out
 * @param files      the files written, with their sizes
 */
public record ConvertedModel(Conversion conversion, IrFiles.Written files) {
    /** The IR's {@code .xml}. */
    public Path xml() {
        return files.xml();
    }

    /** The IR's {@code .bin}, the weights. */
    public Path bin() {
        return files.bin();
    }
}
