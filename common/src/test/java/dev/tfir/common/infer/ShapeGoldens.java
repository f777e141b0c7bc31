package dev.tfir.common.infer;

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
        return repo().resolve("testdata/shapes");
    }

    /**
     * The repository root: the {@code tfir.repo} system property (set by surefire), else the nearest directory
     * above the working directory that holds {@code .git} or an aggregator pom.xml (one with {@code <modules>}).
     */
    static Path repo() {
        String configured = System.getProperty("tfir.repo");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git")) || isAggregator(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root above " + Path.of("").toAbsolutePath());
    }

    private static boolean isAggregator(Path pom) {
        try {
            return Files.isRegularFile(pom) && Files.readString(pom).contains("<modules>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
