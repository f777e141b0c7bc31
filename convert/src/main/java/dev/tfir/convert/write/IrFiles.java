package dev.tfir.convert.write;

import dev.tfir.common.AtomicFiles;
import dev.tfir.convert.ir.IrModel;
import dev.tfir.convert.ir.Node;
import dev.tfir.convert.progress.Progress;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a model as {@code NAME.xml} + {@code NAME.bin} in a directory, atomically: both go to temporary files
 * beside their targets and are renamed only when both are complete, so a failure leaves neither behind.
 */
public final class IrFiles {
    /** The files written: paths and sizes in bytes. */
    public record Written(Path xml, long xmlSize, Path bin, long binSize) {}

    private IrFiles() {}

    public static Written write(IrModel model, Path directory, String name) {
        return write(model, directory, name, Progress.NONE);
    }

    /** Writes the files, reporting the bytes of weights written to {@code progress}. */
    public static Written write(IrModel model, Path directory, String name, Progress progress) {
        List<Node> nodes = model.graphs().stream().flatMap(graph -> graph.orderedNodes().stream()).toList();
        BinLayout bin = new BinLayout(nodes, progress);
        Path xml = directory.resolve(name + ".xml");
        Path binPath = directory.resolve(name + ".bin");
        Map<Path, AtomicFiles.Content> files = new LinkedHashMap<>();
        files.put(binPath, bin::writeTo);
        files.put(xml, AtomicFiles.stream(out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            new IrXmlWriter(writer, bin).write(model);
            writer.flush();
        }));
        AtomicFiles.write(files);
        return new Written(xml.toAbsolutePath().normalize(), size(xml), binPath.toAbsolutePath().normalize(),
                bin.size());
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
