package dev.tfir.common;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A process writing m.bin and m.xml together, again and again, each time with its tag and the round in both. */
public final class PairWriter {
    private PairWriter() {}

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        for (int round = 0; round < Integer.parseInt(args[2]); round++) {
            byte[] content = (args[1] + " " + round).getBytes(StandardCharsets.UTF_8);
            Map<Path, AtomicFiles.Content> files = new LinkedHashMap<>();
            files.put(dir.resolve("m.bin"), AtomicFiles.stream(out -> out.write(content)));
            files.put(dir.resolve("m.xml"), AtomicFiles.stream(out -> out.write(content)));
            AtomicFiles.write(files);
        }
    }
}
