package dev.tfir.common.infer;

import dev.tfir.common.testing.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The fixtures of testdata/shapes/ (made by tools/models/make_shape_fixtures.py): a GraphDef and, per node output,
 * the dtype and shape TensorFlow infers for it.
 */
final class ShapeGoldens {
    private ShapeGoldens() {}

    /** One line of a .shapes.txt file: {@code name:port dtype shape}, shape {@code [1,-1,3]} or {@code ?}. */
    record Golden(String node, int port, String dtype, String shape) {
        static Golden parse(String line) {
            String[] fields = line.split(" ");
            if (fields.length != 3) {
                throw new IllegalArgumentException("bad golden line: " + line);
            }
            int colon = fields[0].lastIndexOf(':');
            return new Golden(fields[0].substring(0, colon), Integer.parseInt(fields[0].substring(colon + 1)),
                    fields[1], fields[2]);
        }
    }

    /** The fixture names (the .pb files' names without extension), sorted. */
    static List<String> fixtures() {
        try (Stream<Path> files = Files.list(dir())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".shapes.txt"))
                    .map(n -> n.substring(0, n.length() - ".shapes.txt".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path graph(String fixture) {
        return dir().resolve(fixture + ".pb");
    }

    static List<Golden> goldens(String fixture) throws IOException {
        List<Golden> goldens = new ArrayList<>();
        for (String line : Files.readAllLines(dir().resolve(fixture + ".shapes.txt"))) {
            if (!line.isBlank()) {
                goldens.add(Golden.parse(line));
            }
        }
        return goldens;
    }

    private static Path dir() {
        return TestData.repo().resolve("testdata/shapes");
    }
}
