package dev.tfir.common.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.types.DTypes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compares our reading of a checkpoint with TensorFlow's, from the golden files that
 * tools/models/make_checkpoints.py writes with {@code tf.train.load_checkpoint} (or TensorFlow's Restore op where
 * that reader refuses a V1 dtype or a sliced tensor): per tensor its dtype name, shape and the SHA-256 of its
 * little-endian bytes (strings: each element as a 4-byte little-endian length and its bytes).
 */
final class GoldenCheckpoints {
    /** One golden file: the case name, the path to open (relative to the directory holding golden/), tensors. */
    record Golden(String caseName, Path open, Map<String, String[]> tensors) {}

    private GoldenCheckpoints() {}

    /** The golden files under {@code dir/golden/}, sorted by case name. */
    static List<Golden> load(Path dir) {
        try (Stream<Path> files = Files.list(dir.resolve("golden"))) {
            List<Golden> goldens = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
                goldens.add(parse(dir, file));
            }
            return goldens;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Golden parse(Path dir, Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<String, String> header = new LinkedHashMap<>();
        for (String field : lines.get(0).substring(2).split("\t")) {
            int colon = field.indexOf(':');
            header.put(field.substring(0, colon).trim(), field.substring(colon + 1).trim());
        }
        Map<String, String[]> tensors = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isEmpty()) {
                String[] columns = line.split("\t");
                tensors.put(columns[0], columns);
            }
        }
        assertEquals(Integer.parseInt(header.get("tensors")), tensors.size(), file + ": tensor count");
        return new Golden(header.get("case"), dir.resolve(header.get("open")), tensors);
    }

    /**
     * Opens the golden's checkpoint, checks that it lists exactly the golden tensors and that every value is
     * bit-identical to TensorFlow's; returns the number of tensors compared.
     */
    static int check(Golden golden) {
        List<String> differences = new ArrayList<>();
        int compared = 0;
        try (Checkpoint checkpoint = Checkpoint.open(golden.open())) {
            List<String> listed = checkpoint.variables().stream().map(VariableInfo::name).sorted().toList();
            List<String> expected = golden.tensors().keySet().stream().sorted().toList();
            assertEquals(expected, listed, golden.caseName() + ": the tensors listed");
            for (VariableInfo info : checkpoint.variables()) {
                String[] want = golden.tensors().get(info.name());
                Tensor tensor = checkpoint.read(info.name());
                String dtype = DTypes.pythonName(tensor.dtype());
                String shape = "[" + java.util.Arrays.stream(tensor.shape()).mapToObj(Long::toString)
                        .collect(Collectors.joining(",")) + "]";
                String digest = sha256(tensor);
                if (!want[1].equals(dtype) || !want[2].equals(shape) || !want[3].equals(digest)) {
                    differences.add(info.name() + ": TensorFlow " + want[1] + " " + want[2] + " " + want[3]
                            + ", tfir " + dtype + " " + shape + " " + digest);
                }
                long bytes = tensor.isString() ? tensor.strings().stream().mapToLong(s -> s.length).sum()
                        : tensor.data().remaining();
                long verified = checkpoint.verify(info.name()); // the same read, its mappings released at once
                if (verified != bytes) {
                    differences.add(info.name() + ": verify counts " + verified + " bytes, read " + bytes);
                }
                if (!want[1].equals(DTypes.pythonName(info.dtype())) || !want[2].equals(listedShape(info))) {
                    differences.add(info.name() + ": listed as " + info + ", TensorFlow " + want[1] + " " + want[2]);
                }
                compared++;
            }
        }
        assertTrue(differences.isEmpty(), golden.caseName() + ": " + differences.size() + " of " + compared
                + " tensors differ from TensorFlow:\n  " + String.join("\n  ", differences));
        return compared;
    }

    private static String listedShape(VariableInfo info) {
        return "[" + java.util.Arrays.stream(info.shape()).mapToObj(Long::toString).collect(Collectors.joining(","))
                + "]";
    }

    /** SHA-256 of the tensor as the golden files hash it. */
    static String sha256(Tensor tensor) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        if (tensor.isString()) {
            for (byte[] element : tensor.strings()) {
                digest.update(ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(element.length)
                        .array());
                digest.update(element);
            }
        } else {
            digest.update(tensor.data());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
