package dev.tfir.common.checkpoint;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.tfir.common.NumberText;
import dev.tfir.common.TfirException;
import dev.tfir.common.proto.Protos;
import dev.tfir.common.types.DTypes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.tensorflow.proto.BundleEntryProto;
import org.tensorflow.proto.BundleHeaderProto;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.TensorSliceProto;

/**
 * A V2 checkpoint ("tensor bundle"): {@code PREFIX.index}, an SSTable whose key {@code ""} holds a
 * BundleHeaderProto and every other key a BundleEntryProto, and the data files
 * {@code PREFIX.data-NNNNN-of-MMMMM} holding the raw tensor bytes, each tensor with its own masked CRC32C.
 * A partitioned tensor's entry lists its slices, each stored under an OrderedCode slice key.
 *
 * <p>The index is read when the bundle is opened; a tensor's bytes are read from its data file when asked for,
 * and only those bytes: a large tensor is a read-only view of the mapped data file, checked against its CRC32C
 * where it lies, never copied.
 */
final class BundleReader implements TensorStore {
    private static final int TENSOR_BUNDLE_VERSION = 1;

    private final Path prefix;
    private final CheckpointFile indexFile;
    private final BundleHeaderProto header;
    private final Map<String, BundleEntryProto> entries;
    private final Map<String, BundleEntryProto> sliceEntries;
    private final Path[] shardPaths;
    private final CheckpointFile[] shards;
    private final AtomicLong bytesRead;

    private BundleReader(Path prefix, CheckpointFile indexFile, BundleHeaderProto header,
                         Map<String, BundleEntryProto> entries, Map<String, BundleEntryProto> sliceEntries,
                         Path[] shardPaths, AtomicLong bytesRead) {
        this.prefix = prefix;
        this.indexFile = indexFile;
        this.header = header;
        this.entries = entries;
        this.sliceEntries = sliceEntries;
        this.shardPaths = shardPaths;
        this.shards = new CheckpointFile[shardPaths.length];
        this.bytesRead = bytesRead;
    }

    static Path indexPath(Path prefix) {
        return prefix.resolveSibling(prefix.getFileName() + ".index");
    }

    static Path dataPath(Path prefix, int shard, int shards) {
        return prefix.resolveSibling(prefix.getFileName() + ".data-" + NumberText.zeroPadded(shard, 5) + "-of-"
                + NumberText.zeroPadded(shards, 5));
    }

    /** Reads {@code PREFIX.index} and checks that every data file it names exists. */
    static BundleReader open(Path prefix, AtomicLong bytesRead) {
        CheckpointFile index = CheckpointFile.open(indexPath(prefix), "the index of a V2 checkpoint", bytesRead);
        try {
            return read(prefix, index, bytesRead);
        } catch (RuntimeException e) {
            index.close();
            throw e;
        }
    }

    private static BundleReader read(Path prefix, CheckpointFile index, AtomicLong bytesRead) {
        SsTable table = SsTable.open(index, "the index of a V2 checkpoint");
        BundleHeaderProto[] header = {null};
        Map<String, BundleEntryProto> entries = new LinkedHashMap<>();
        Map<String, BundleEntryProto> sliceEntries = new HashMap<>();
        table.forEach(entry -> {
            byte[] key = entry.key();
            if (header[0] == null) {
                header[0] = header(index, entry);
                return;
            }
            BundleEntryProto value;
            String name = key.length > 0 && key[0] == 0 ? new String(key, StandardCharsets.ISO_8859_1)
                    : new String(key, StandardCharsets.UTF_8);
            try {
                value = Protos.parse(BundleEntryProto.getDefaultInstance(), entry.value(), false);
            } catch (InvalidProtocolBufferException e) {
                throw new TfirException(index + ": the entry of tensor '" + printable(key)
                        + "' is not a BundleEntryProto (" + e.getMessage() + "): the index is damaged");
            }
            (key.length > 0 && key[0] == 0 ? sliceEntries : entries).put(name, value);
        });
        if (header[0] == null) {
            throw new TfirException(index + ": an empty SSTable, without the header of a V2 checkpoint index");
        }
        int numShards = header[0].getNumShards();
        if (numShards < 1 || numShards > 1_000_000) {
            throw new TfirException(index + ": the header declares " + numShards
                    + " data files: the index is damaged");
        }
        Path[] shardPaths = new Path[numShards];
        for (int i = 0; i < numShards; i++) {
            shardPaths[i] = dataPath(prefix, i, numShards);
        }
        checkShardsExist(index, shardPaths, entries, sliceEntries);
        return new BundleReader(prefix, index, header[0], entries, sliceEntries, shardPaths, bytesRead);
    }

    private static BundleHeaderProto header(CheckpointFile index, SsBlock.Entry entry) {
        if (entry.key().length != 0) {
            throw new TfirException(index + ": its first key is '" + printable(entry.key()) + "', not the header"
                    + " (key \"\") of a V2 checkpoint index: the file is not a V2 checkpoint index");
        }
        if (StoredHeaders.isV1Meta(entry.value())) {
            throw new TfirException(index + ": a V1 checkpoint file (a TensorSliceWriter table of contents),"
                    + " not the index of a V2 checkpoint: rename it so that it does not end in .index and pass"
                    + " the file itself");
        }
        BundleHeaderProto header;
        try {
            header = Protos.parse(BundleHeaderProto.getDefaultInstance(), entry.value(), false);
        } catch (InvalidProtocolBufferException e) {
            throw new TfirException(index + ": the header entry is not a BundleHeaderProto (" + e.getMessage()
                    + "): the file is not a V2 checkpoint index or is damaged");
        }
        if (header.getVersion().getMinConsumer() > TENSOR_BUNDLE_VERSION
                || header.getVersion().getBadConsumersList().contains(TENSOR_BUNDLE_VERSION)) {
            throw new TfirException(index + ": written by a newer TensorFlow (tensor bundle version "
                    + header.getVersion().getProducer() + ", readers need version "
                    + header.getVersion().getMinConsumer() + "); tfir reads version " + TENSOR_BUNDLE_VERSION);
        }
        if (header.getEndianness() != BundleHeaderProto.Endianness.LITTLE
                && header.getEndianness() != BundleHeaderProto.Endianness.BIG) {
            throw new TfirException(index + ": unknown byte order " + header.getEndiannessValue()
                    + " in the header: the index is damaged");
        }
        return header;
    }

    private static void checkShardsExist(CheckpointFile index, Path[] shardPaths, Map<String, BundleEntryProto> entries,
                                         Map<String, BundleEntryProto> sliceEntries) {
        for (int i = 0; i < shardPaths.length; i++) {
            if (Files.isRegularFile(shardPaths[i])) {
                continue;
            }
            String example = null;
            int count = 0;
            for (Map.Entry<String, BundleEntryProto> e : entries.entrySet()) {
                if (e.getValue().getShardId() == i && e.getValue().getSlicesCount() == 0) {
                    example = example == null ? e.getKey() : example;
                    count++;
                }
            }
            for (Map.Entry<String, BundleEntryProto> e : sliceEntries.entrySet()) {
                if (e.getValue().getShardId() == i) {
                    example = example == null ? printable(e.getKey().getBytes(StandardCharsets.ISO_8859_1)) : example;
                    count++;
                }
            }
            throw new TfirException(shardPaths[i] + ": missing data file " + (i + 1) + " of " + shardPaths.length
                    + " of the checkpoint " + index.path() + (example == null ? "" : " (it holds " + count
                    + (count == 1 ? " tensor: '" : " tensors, e.g. '") + example + "')")
                    + "; copy every " + shardPaths[i].getFileName().toString().replaceAll("\\d{5}-of", "*-of")
                    + " file next to the .index");
        }
    }

    @Override
    public List<VariableInfo> variables() {
        List<VariableInfo> list = new ArrayList<>(entries.size());
        entries.forEach((name, entry) -> {
            long[] dims = StoredShapes.dims(entry.getShape());
            DataType dtype = entry.getDtype();
            long size = dtype == DataType.DT_STRING ? (entry.getSlicesCount() > 0 ? -1 : entry.getSize())
                    : dims == null ? -1 : StoredShapes.byteSize(dtype, dims);
            list.add(new VariableInfo(name, dtype, dims == null ? new long[0] : dims, size,
                    Math.max(1, entry.getSlicesCount()), null));
        });
        return list;
    }

    @Override
    public Tensor read(String name) {
        BundleEntryProto entry = entries.get(name);
        if (entry == null) {
            throw new TfirException(indexFile + ": no tensor '" + name + "' in this checkpoint");
        }
        long[] dims = checkedShape(name, entry);
        if (entry.getSlicesCount() == 0) {
            return readEntry(name, name, entry, dims);
        }
        List<TensorSlice> slices = new ArrayList<>();
        Map<TensorSlice, BundleEntryProto> sliceEntryOf = new HashMap<>();
        long stored = 0;
        long covered = 0;
        for (TensorSliceProto proto : entry.getSlicesList()) {
            TensorSlice slice = TensorSlice.fromProto(proto);
            long[] sliceShape = slice.shapeIn(dims);
            if (sliceShape == null) {
                throw damaged(name, "slice " + slice + " lies outside its shape "
                        + StoredShapes.describe(entry.getDtype(), dims));
            }
            String key = new String(OrderedCode.sliceKey(name, slice), StandardCharsets.ISO_8859_1);
            BundleEntryProto sliceEntry = sliceEntries.get(key);
            if (sliceEntry == null) {
                throw damaged(name, "slice " + slice + " listed in its entry has no entry of its own");
            }
            long[] storedShape = checkedShape(name + "' slice '" + slice, sliceEntry);
            if (sliceEntry.getDtype() != entry.getDtype() || !java.util.Arrays.equals(storedShape, sliceShape)) {
                throw damaged(name, "slice " + slice + " is stored as " + StoredShapes.describe(sliceEntry.getDtype(),
                        storedShape) + ", expected " + StoredShapes.describe(entry.getDtype(), sliceShape));
            }
            CheckpointFile shard = shard(name, sliceEntry);
            checkRange(name, shard, sliceEntry);
            slices.add(slice);
            sliceEntryOf.put(slice, sliceEntry);
            stored += sliceEntry.getSize();
            covered += StoredShapes.elements(sliceShape);
        }
        long elements = StoredShapes.elements(dims);
        long needed = entry.getDtype() == DataType.DT_STRING ? elements : StoredShapes.byteSize(entry.getDtype(), dims);
        if (covered != elements || needed > stored) {
            throw damaged(name, "its " + slices.size() + " slices hold " + covered + " of its " + elements
                    + " elements");
        }
        return SliceAssembler.assemble(name, entry.getDtype(), dims, slices, (slice, sliceShape) ->
                readEntry(name, name + "' slice '" + slice, sliceEntryOf.get(slice), sliceShape));
    }

    /** Reads the bytes of one stored (unpartitioned) entry; {@code what} names it in messages. */
    private Tensor readEntry(String name, String what, BundleEntryProto entry, long[] dims) {
        CheckpointFile shard = shard(what, entry);
        checkRange(what, shard, entry);
        DataType dtype = entry.getDtype();
        if (dtype != DataType.DT_STRING) {
            long expected = StoredShapes.byteSize(dtype, dims);
            if (entry.getSize() != expected) {
                throw damaged(what, "its entry declares " + entry.getSize() + " bytes, but "
                        + StoredShapes.describe(dtype, dims) + " has " + expected);
            }
        }
        if (dtype == DataType.DT_STRING) {
            ByteBuffer bytes = shard.read(entry.getOffset(), entry.getSize(), "tensor '" + what + "'");
            try {
                return Tensor.strings(name, dims, BundleStrings.decode(bytes, StoredShapes.elements(dims),
                        entry.getCrc32C(), header.getEndianness() == BundleHeaderProto.Endianness.BIG));
            } catch (BundleStrings.Malformed e) {
                throw new TfirException(shard + ": string tensor '" + what + "': " + e.getMessage()
                        + ": the data file is damaged; copy it again from its source");
            }
        }
        List<ByteBuffer> parts = shard.readParts(entry.getOffset(), entry.getSize(), "tensor '" + what + "'");
        int actual = MaskedCrc32c.crc(parts);
        int stored = MaskedCrc32c.unmask(entry.getCrc32C());
        if (actual != stored) {
            throw new TfirException(shard + ": tensor '" + what + "' fails its CRC32C check (stored "
                    + MaskedCrc32c.hex(stored) + ", computed " + MaskedCrc32c.hex(actual)
                    + "): the data file is damaged; copy it again from its source");
        }
        if (header.getEndianness() == BundleHeaderProto.Endianness.BIG) {
            ByteBuffer bytes = Tensor.numeric(name, dtype, dims, parts).data();
            byte[] swapped = new byte[bytes.limit()];
            bytes.get(0, swapped);
            swapBytes(swapped, DTypes.byteSize(dtype), dtype == DataType.DT_COMPLEX64 || dtype == DataType.DT_COMPLEX128);
            parts = List.of(ByteBuffer.wrap(swapped));
        }
        return Tensor.numeric(name, dtype, dims, parts);
    }

    /** The dims of an entry, which must be fully known, of a readable dtype. */
    private long[] checkedShape(String what, BundleEntryProto entry) {
        long[] dims = StoredShapes.dims(entry.getShape());
        if (dims == null || StoredShapes.elements(dims) < 0
                || entry.getDtype() != DataType.DT_STRING && StoredShapes.byteSize(entry.getDtype(), dims) < 0) {
            throw damaged(what, "its entry has the shape " + entry.getShape().toString().replace('\n', ' ').trim()
                    + ", not a fully known one");
        }
        if (!StoredShapes.isReadable(entry.getDtype())) {
            throw new TfirException(indexFile + ": tensor '" + what + "' has dtype "
                    + DTypes.pythonName(entry.getDtype()) + ", whose values tfir does not read");
        }
        return dims;
    }

    private void checkRange(String what, CheckpointFile shard, BundleEntryProto entry) {
        if (!shard.contains(entry.getOffset(), entry.getSize())) {
            throw new TfirException(shard + ": tensor '" + what + "' declares bytes [" + entry.getOffset() + ", "
                    + (entry.getOffset() + entry.getSize()) + ") of this data file, which has only " + shard.size()
                    + " bytes: the data file is truncated or the index is damaged; copy both again from their source");
        }
    }

    private synchronized CheckpointFile shard(String what, BundleEntryProto entry) {
        int id = entry.getShardId();
        if (id < 0 || id >= shards.length) {
            throw damaged(what, "its entry names data file " + id + " but the header declares " + shards.length);
        }
        if (shards[id] == null) {
            shards[id] = CheckpointFile.open(shardPaths[id], "data file " + (id + 1) + " of " + shards.length
                    + " of the checkpoint " + prefix, bytesRead);
        }
        return shards[id];
    }

    private TfirException damaged(String what, String problem) {
        return new TfirException(indexFile + ": tensor '" + what + "': " + problem
                + ": the index is damaged; copy the checkpoint again from its source");
    }

    private static void swapBytes(byte[] bytes, int elementSize, boolean complex) {
        int width = complex ? elementSize / 2 : elementSize;
        for (int at = 0; at + width <= bytes.length; at += width) {
            for (int i = 0, j = width - 1; i < j; i++, j--) {
                byte b = bytes[at + i];
                bytes[at + i] = bytes[at + j];
                bytes[at + j] = b;
            }
        }
    }

    static String printable(byte[] key) {
        StringBuilder text = new StringBuilder();
        for (byte b : key) {
            int c = b & 0xff;
            text.append(c >= 0x20 && c < 0x7f && c != '\\' ? String.valueOf((char) c) : String.format("\\x%02x", c));
        }
        return text.toString();
    }

    @Override
    public synchronized void close() {
        indexFile.close();
        for (CheckpointFile shard : shards) {
            if (shard != null) {
                shard.close();
            }
        }
    }
}
