package dev.tfir.common.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the repository's generated fixtures (testdata/), made by tools/models/make_models.py. */
public final class TestData {
    private TestData() {}

    /** The repository root: the {@code tfir.repo} system property (set by Maven), else found from the cwd. */
    public static Path repo() {
        String configured = System.getProperty("tfir.repo");
        if (configured != null && Files.isDirectory(Path.of(configured, "testdata"))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("testdata")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (a directory with testdata/ and pom.xml)");
    }

    /** A committed model under testdata/models/. */
    public static Path model(String name) {
        return repo().resolve("testdata/models").resolve(name);
    }

    /** A committed bad-input file under testdata/bad/. */
    public static Path bad(String name) {
        return repo().resolve("testdata/bad").resolve(name);
    }

    /** A committed checkpoint fixture (or file in one) under testdata/checkpoints/, made by make_checkpoints.py. */
    public static Path checkpoint(String name) {
        return repo().resolve("testdata/checkpoints").resolve(name);
    }

    /** The original summarize_graph.py's stdout for a committed model (testdata/models/expected/). */
    public static String expectedSummary(String modelName) throws java.io.IOException {
        return Files.readString(repo().resolve("testdata/models/expected").resolve(modelName + ".txt"));
    }
}
