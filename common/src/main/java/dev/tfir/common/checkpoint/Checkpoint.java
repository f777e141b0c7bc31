package dev.tfir.common.checkpoint;

import dev.tfir.common.TfirException;
import dev.tfir.common.types.DTypes;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TensorFlow checkpoint, read in pure Java: V1 files (TensorSliceWriter, e.g. TF-Slim's {@code
 * inception_v1.ckpt}), V2 bundles ({@code PREFIX.index} + {@code PREFIX.data-NNNNN-of-MMMMM}, also a SavedModel's
 * {@code variables/}), and TF2 object-graph checkpoints.
 *
 * <p>Reading is lazy: opening reads the V2 index or the V1 tables of contents, listing variables reads nothing
 * more, and {@link #read} reads only the bytes of the tensor asked for (in a V1 file, the SSTable blocks holding
 * its records). Every SSTable block and every V2 tensor is checked against its CRC32C. Partitioned variables are
 * listed once, under their full name, and read whole. Values are returned, never cached; a large value (1 MiB and
 * more) is a read-only view of the memory-mapped file, not a copy (in a V1 file too: its packed values are raw
 * little-endian bytes), so reading costs no more memory than the pages of the file it touches.
 *
 * <p>Problems with the files (a wrong path, a missing data file, a checksum mismatch, truncated or damaged data, a
 * V1 file given as V2 or the reverse) are {@link TfirException}s naming the file and, where there is one, the
 * tensor. Sizes and offsets are checked against the files before anything is allocated. A checkpoint may be read
 * from several threads.
 */
public final class Checkpoint implements AutoCloseable {
    /** The on-disk format. */
    public enum Format {
        /** One or more TensorSliceWriter files. */
        V1,
        /** A tensor bundle: an {@code .index} and its data files. */
        V2
    }

    /** The largest value a Java array (and so a ByteBuffer) holds. */
    static final long MAX_TENSOR_BYTES = Integer.MAX_VALUE - 8;

    private final Path path;
    private final Format format;
    private final TensorStore store;
    private final Map<String, VariableInfo> variables;
    private final Map<String, String> keyByObjectPath;
    private final AtomicLong bytesRead;
    /** The object graph's index, once read; empty without an object graph. */
    private ObjectGraphNames.Index objectGraph;
    /** The variables by {@link #variableName}, once asked for. */
    private Map<String, List<VariableInfo>> byVariableName;

    private Checkpoint(Path path, Format format, TensorStore store, List<VariableInfo> variables, AtomicLong bytesRead) {
        this.path = path;
        this.format = format;
        this.store = store;
        this.bytesRead = bytesRead;
        this.variables = new LinkedHashMap<>();
        this.keyByObjectPath = new LinkedHashMap<>();
        variables.stream().sorted(Comparator.comparing(VariableInfo::name)).forEach(v -> {
            this.variables.put(v.name(), v);
            if (v.objectPath() != null) {
                keyByObjectPath.putIfAbsent(v.objectPath(), v.name());
            }
        });
    }

    /**
     * Opens the checkpoint at {@code path}: a V2 prefix ({@code dir/model.ckpt}), a V2 {@code .index} file, a V1
     * file, a V1 file pattern ({@code model.ckpt-?????-of-00002}), a directory with a {@code checkpoint} state
     * file (the checkpoint its {@code model_checkpoint_path} names), or a SavedModel directory (its variables).
     *
     * @throws TfirException when the files are missing, damaged or of the wrong kind
     */
    public static Checkpoint open(Path path) {
        CheckpointLocator.Located located = CheckpointLocator.locate(path);
        AtomicLong bytesRead = new AtomicLong();
        TensorStore store = located.format() == Format.V2 ? BundleReader.open(located.path(), bytesRead)
                : SliceFileReader.open(located.v1Files(), bytesRead);
        try {
            List<VariableInfo> variables = store.variables();
            if (ObjectGraphNames.present(variables)) {
                variables = ObjectGraphNames.withObjectPaths(variables);
            }
            return new Checkpoint(located.path(), located.format(), store, variables, bytesRead);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** The V2 prefix, or the V1 file (or file pattern) the checkpoint was found at. */
    public Path path() {
        return path;
    }

    public Format format() {
        return format;
    }

    /** True for a TF2 object-graph checkpoint (keys {@code .../.ATTRIBUTES/VARIABLE_VALUE}). */
    public boolean hasObjectGraph() {
        return !keyByObjectPath.isEmpty();
    }

    /**
     * Every tensor, sorted by checkpoint key, as {@code tf.train.load_checkpoint} lists them: partitioned variables
     * once under their full name; in a TF2 checkpoint also the {@code _CHECKPOINTABLE_OBJECT_GRAPH} string.
     */
    public List<VariableInfo> variables() {
        return List.copyOf(variables.values());
    }

    /**
     * The variable's name: in a TF2 object-graph checkpoint the name it had when it was saved ({@code full_name} in
     * the TrackableObjectGraph, e.g. {@code dense/kernel}; several variables may share it), else its key.
     *
     * @throws TfirException when the object graph is damaged
     */
    public synchronized String variableName(VariableInfo variable) {
        return objectGraph().fullNames().getOrDefault(variable.name(), variable.name());
    }

    /**
     * The checkpoint key of the value of node {@code id} of a TF2 checkpoint's object graph, a variable; empty when
     * the node is not a variable, or there is no object graph. A TF2 SavedModel's object graph numbers its nodes as
     * its checkpoint's does: this is where TensorFlow's loader restores the variable its node {@code id} is.
     *
     * @throws TfirException when the object graph is damaged
     */
    public synchronized Optional<String> objectValueKey(int id) {
        return Optional.ofNullable(objectGraph().valueKeys().get(id));
    }

    private ObjectGraphNames.Index objectGraph() {
        if (objectGraph == null) {
            objectGraph = ObjectGraphNames.present(List.copyOf(variables.values()))
                    ? ObjectGraphNames.read(store, path) : ObjectGraphNames.Index.NONE;
        }
        return objectGraph;
    }

    /** The variables whose {@link #variableName} is {@code name}, in key order. */
    public synchronized List<VariableInfo> variablesNamed(String name) {
        if (byVariableName == null) {
            byVariableName = new HashMap<>();
            for (VariableInfo variable : variables.values()) {
                byVariableName.computeIfAbsent(variableName(variable), key -> new ArrayList<>()).add(variable);
            }
        }
        return List.copyOf(byVariableName.getOrDefault(name, List.of()));
    }

    /** The tensor with checkpoint key {@code name}, or with that TF2 object path ({@code model/dense/kernel}). */
    public Optional<VariableInfo> variable(String name) {
        VariableInfo info = variables.get(name);
        if (info == null && keyByObjectPath.containsKey(name)) {
            info = variables.get(keyByObjectPath.get(name));
        }
        return Optional.ofNullable(info);
    }

    /**
     * Reads one tensor, by checkpoint key or TF2 object path, reassembling a partitioned variable from its slices.
     *
     * @throws TfirException when there is no such tensor or its data is missing or damaged
     */
    public Tensor read(String name) {
        VariableInfo info = variable(name).orElseThrow(() -> new TfirException(path + ": no tensor '" + name
                + "' in this checkpoint (it has " + variables.size() + " tensors; list them to see their names)"));
        if (info.byteSize() > MAX_TENSOR_BYTES && (format == Format.V1 || info.slices() > 1)) {
            throw new TfirException(path + ": tensor '" + info.name() + "' has " + info.byteSize()
                    + " bytes; tensors over 2 GiB are only read from V2 checkpoints, unpartitioned");
        }
        return store.read(info.name());
    }

    /**
     * Reads one tensor as {@link #read} does, checking it, and returns the number of bytes of its values (of all its
     * strings, for a string tensor). The file mappings the read made are released at once, not when garbage
     * collected: a pass verifying every tensor holds the pages of one tensor at a time.
     *
     * @throws TfirException as {@link #read}
     */
    public long verify(String name) {
        long[] bytes = {0};
        releasingMappings(() -> {
            Tensor tensor = read(name);
            bytes[0] = tensor.isString() ? tensor.strings().stream().mapToLong(s -> s.length).sum()
                    : tensor.byteSize();
        });
        return bytes[0];
    }

    /** Work that may throw a checked exception, for {@link #releasingMappings}. */
    public interface Action<E extends Exception> {
        void run() throws E;
    }

    /**
     * Runs {@code action}, then at once releases the file mappings that reads of checkpoints made on this thread
     * during it, instead of when the garbage collector finds them unreachable: for a pass that reads tensors one at
     * a time and drops each (verifying, writing a frozen graph), so that it holds one tensor's pages at a time. No
     * value read inside may be used after {@code action} returns: touching one would crash the JVM.
     */
    public static <E extends Exception> void releasingMappings(Action<E> action) throws E {
        try (MappingScope scope = MappingScope.open()) {
            action.run();
        }
    }

    /**
     * Reads the block of tensor {@code name} that starts at {@code start} and has the shape {@code shape}, as one
     * partition of a partitioned variable restores it: the whole tensor is read, then the block copied out.
     *
     * @throws TfirException when the block does not lie within the tensor, or as {@link #read}
     */
    public Tensor readSlice(String name, long[] start, long[] shape) {
        Tensor whole = read(name);
        long[] full = whole.shape();
        boolean fits = start.length == full.length && shape.length == full.length;
        for (int d = 0; fits && d < full.length; d++) {
            fits = start[d] >= 0 && shape[d] >= 0 && start[d] <= full[d] - shape[d];
        }
        if (!fits) {
            throw new TfirException(path + ": the part at " + Arrays.toString(start) + " of shape "
                    + Arrays.toString(shape) + " does not lie within tensor '" + whole.name() + "' of shape "
                    + Arrays.toString(full) + "; is it the checkpoint of this graph?");
        }
        long count = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        if (whole.isString()) {
            List<byte[]> all = whole.strings();
            byte[][] part = new byte[(int) count][];
            SliceAssembler.forEachRun(full, start, shape, (from, to, n) -> {
                for (int i = 0; i < n; i++) {
                    part[(int) from + i] = all.get((int) to + i);
                }
            });
            return Tensor.strings(whole.name(), shape, Arrays.asList(part));
        }
        int size = DTypes.byteSize(whole.dtype());
        ByteBuffer all = whole.data();
        ByteBuffer part = ByteBuffer.allocate(Math.toIntExact(count * size));
        SliceAssembler.forEachRun(full, start, shape, (from, to, n) ->
                part.put((int) (from * size), all, (int) (to * size), (int) (n * size)));
        return Tensor.numeric(whole.name(), whole.dtype(), shape, part);
    }

    /** Bytes read from the checkpoint's files so far (index and data); for tests of laziness. */
    long bytesRead() {
        return bytesRead.get();
    }

    @Override
    public void close() {
        store.close();
    }

    @Override
    public String toString() {
        return format + " checkpoint " + path + " (" + variables.size() + " tensors)";
    }
}
