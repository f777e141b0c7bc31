package dev.tfir.common.checkpoint;

import dev.tfir.common.TfirException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the files of the checkpoint a user names, as {@code mo --input_checkpoint} and
 * {@code tf.train.load_checkpoint} accept it: a V2 prefix ({@code model.ckpt}, with {@code model.ckpt.index}
 * beside it; TensorFlow's rule: a prefix with an {@code .index} file is V2), the {@code .index} file itself, a
 * V1 file, a V1 file pattern ({@code model.ckpt-?????-of-00002}), a directory with a {@code checkpoint} state
 * file (its {@code model_checkpoint_path}), or a SavedModel directory (its {@code variables/variables}).
 */
final class CheckpointLocator {
    /** The files found: a V2 prefix, or the V1 files. */
    record Located(Checkpoint.Format format, Path path, List<Path> v1Files) {}

    static final String STATE_FILE = "checkpoint";
    private static final Pattern DATA_FILE = Pattern.compile("(.*)\\.data-\\d{5}-of-\\d{5}");
    private static final Pattern STATE_PATH = Pattern.compile(
            "(?m)^\\s*model_checkpoint_path\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private CheckpointLocator() {}

    static Located locate(Path input) {
        if (Files.isDirectory(input)) {
            return inDirectory(input);
        }
        Path name = input.getFileName();
        if (name == null) {
            throw new TfirException(input + ": not a checkpoint: give a checkpoint prefix, file or directory");
        }
        String file = name.toString();
        if (file.endsWith(".index") && Files.isRegularFile(input)) {
            return v2(input.resolveSibling(file.substring(0, file.length() - ".index".length())));
        }
        if (Files.isRegularFile(BundleReader.indexPath(input))) {
            return v2(input);
        }
        if (Files.isRegularFile(input)) {
            Matcher data = DATA_FILE.matcher(file);
            if (data.matches() && Files.isRegularFile(input.resolveSibling(data.group(1) + ".index"))) {
                throw new TfirException(input + ": a data file of a V2 checkpoint; pass its prefix "
                        + input.resolveSibling(data.group(1)));
            }
            if (file.endsWith(".meta")) {
                Path prefix = input.resolveSibling(file.substring(0, file.length() - ".meta".length()));
                if (Files.isRegularFile(BundleReader.indexPath(prefix)) || Files.isRegularFile(prefix)) {
                    throw new TfirException(input + ": a MetaGraphDef (the graph), not a checkpoint; its checkpoint"
                            + " is " + prefix);
                }
            }
            return new Located(Checkpoint.Format.V1, input, List.of(input));
        }
        if (file.contains("*") || file.contains("?") || file.contains("[")) {
            return v1Pattern(input);
        }
        throw new TfirException(input + ": no such checkpoint: neither a V1 checkpoint file nor a V2 checkpoint"
                + " prefix (there is no " + BundleReader.indexPath(input).getFileName() + ")" + candidates(input));
    }

    private static Located v2(Path prefix) {
        return new Located(Checkpoint.Format.V2, prefix, List.of());
    }

    private static Located inDirectory(Path dir) {
        Path state = dir.resolve(STATE_FILE);
        if (Files.isRegularFile(state)) {
            Path named = fromStateFile(state);
            if (Files.isDirectory(named)) {
                throw new TfirException(state + ": model_checkpoint_path names the directory " + named
                        + ", not a checkpoint prefix or file");
            }
            try {
                return locate(named);
            } catch (TfirException e) {
                throw new TfirException(state + ": model_checkpoint_path names " + named + ", which is not a"
                        + " checkpoint (" + e.getMessage() + ")", e);
            }
        }
        Path savedModelVariables = dir.resolve("variables").resolve("variables");
        if (Files.isRegularFile(BundleReader.indexPath(savedModelVariables))) {
            return v2(savedModelVariables);
        }
        throw new TfirException(dir + ": a directory without a '" + STATE_FILE + "' file: give the checkpoint"
                + " prefix or V1 file in it" + candidates(dir.resolve("x")));
    }

    /** The checkpoint a {@code checkpoint} state file (a text-format CheckpointState) names. */
    static Path fromStateFile(Path state) {
        String text;
        try {
            text = Files.readString(state, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TfirException(state + ": cannot read the checkpoint state file (" + e.getMessage() + ")", e);
        }
        Matcher m = STATE_PATH.matcher(text);
        if (!m.find()) {
            throw new TfirException(state + ": not a checkpoint state file: no model_checkpoint_path line;"
                    + " give the checkpoint prefix or file instead of its directory");
        }
        String path = unescape(m.group(1));
        Path named = Path.of(path);
        Path dir = state.getParent() != null ? state.getParent() : state.toAbsolutePath().getParent();
        if (!named.isAbsolute()) {
            return dir.resolve(named);
        }
        // an absolute path from another machine: TensorFlow saves them unless save_relative_paths is set
        boolean exists = Files.exists(named) || Files.exists(BundleReader.indexPath(named));
        return exists || named.getFileName() == null ? named : dir.resolve(named.getFileName().toString());
    }

    private static Located v1Pattern(Path pattern) {
        Path dir = pattern.toAbsolutePath().getParent();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern.getFileName());
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> matcher.matches(p.getFileName()) && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            files = List.of();
        }
        if (files.isEmpty()) {
            throw new TfirException(pattern + ": no file matches this V1 checkpoint pattern" + candidates(pattern));
        }
        return new Located(Checkpoint.Format.V1, pattern, files);
    }

    /** "; DIR holds the checkpoints a, b" (V2 prefixes there), or "". */
    private static String candidates(Path near) {
        Path dir = near.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return "";
        }
        try (Stream<Path> list = Files.list(dir)) {
            List<String> prefixes = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".index"))
                    .map(n -> n.substring(0, n.length() - ".index".length())).sorted().limit(4).toList();
            if (prefixes.isEmpty()) {
                return "";
            }
            return "; " + dir + " holds the V2 checkpoint" + (prefixes.size() > 1 ? "s " : " ")
                    + prefixes.stream().limit(3).collect(Collectors.joining(", ")) + (prefixes.size() > 3 ? ", ..." : "");
        } catch (IOException e) {
            return "";
        }
    }

    /** Undoes the C escapes of a text-format proto string (\\ \" \' \n \t \r, octal \ooo, hex \xhh). */
    static String unescape(String escaped) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] bytes = escaped.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\\') {
                out.write(bytes[i]);
                continue;
            }
            if (++i == bytes.length) {
                break;
            }
            char c = (char) bytes[i];
            switch (c) {
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case 'r' -> out.write('\r');
                case 'x' -> {
                    int value = 0;
                    int digits = 0;
                    while (digits < 2 && i + 1 < bytes.length && Character.digit(bytes[i + 1], 16) >= 0) {
                        value = value * 16 + Character.digit(bytes[++i], 16);
                        digits++;
                    }
                    out.write(value);
                }
                default -> {
                    if (c >= '0' && c <= '7') {
                        int value = c - '0';
                        for (int digits = 1; digits < 3 && i + 1 < bytes.length && bytes[i + 1] >= '0'
                                && bytes[i + 1] <= '7'; digits++) {
                            value = value * 8 + (bytes[++i] - '0');
                        }
                        out.write(value);
                    } else {
                        out.write(c);
                    }
                }
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
