package dev.tfir.common.checkpoint;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.tfir.common.TfirException;
import dev.tfir.common.proto.Protos;
import dev.tfir.common.types.DTypes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.SavedSliceMeta;
import org.tensorflow.proto.SavedTensorSliceMeta;
import org.tensorflow.proto.SavedTensorSlices;
import org.tensorflow.proto.TensorSliceProto;

/**
 * A V1 checkpoint: one or more files written by TensorFlow's TensorSliceWriter (TF-Slim's 2016 checkpoints such
 * as {@code inception_v1.ckpt}, {@code tf.compat.v1.train.Saver(write_version=V1)}). Each file is an SSTable whose
 * key {@code ""} holds the table of contents (SavedTensorSliceMeta: name, dtype, shape and slices of each
 * tensor) and whose other keys, OrderedCode slice keys, hold one slice each (a SavedSlice with a TensorProto).
 *
 * <p>Opening reads each file's footer, index block and table of contents; a tensor's records are read when it is
 * asked for.
 */
final class SliceFileReader implements TensorStore {
    private static final int CHECKPOINT_VERSION = 1;

    private record Part(SsTable table, TensorSlice slice) {}

    private record Stored(String name, DataType dtype, long[] shape, List<Part> parts) {}

    private final List<CheckpointFile> files;
    private final Map<String, Stored> tensors;

    private SliceFileReader(List<CheckpointFile> files, Map<String, Stored> tensors) {
        this.files = files;
        this.tensors = tensors;
    }

    /** Opens the V1 files of one checkpoint (one file, or the shards of a sharded save). */
    static SliceFileReader open(List<Path> paths, AtomicLong bytesRead) {
        List<CheckpointFile> files = new ArrayList<>();
        try {
            Map<String, Stored> tensors = new LinkedHashMap<>();
            for (Path path : paths) {
                CheckpointFile file = CheckpointFile.open(path, "a V1 checkpoint file", bytesRead);
                files.add(file);
                SsTable table = SsTable.open(file, "a V1 checkpoint file");
                for (SavedSliceMeta meta : tableOfContents(table).getTensorList()) {
                    register(file, table, meta, tensors);
                }
            }
            return new SliceFileReader(files, tensors);
        } catch (RuntimeException e) {
            files.forEach(CheckpointFile::close);
            throw e;
        }
    }

    private static SavedTensorSliceMeta tableOfContents(SsTable table) {
        CheckpointFile file = table.file();
        SsBlock.Entry entry = table.get(new byte[0], "the table of contents");
        if (entry == null) {
            throw new TfirException(file + ": an SSTable without a table of contents (key \"\"): not a V1"
                    + " TensorFlow checkpoint file");
        }
        if (StoredHeaders.isV2Header(entry.value())) {
            throw new TfirException(file + ": the index of a V2 checkpoint, not a V1 checkpoint file: name it "
                    + file.path().getFileName() + ".index, next to its .data-* files, and pass the prefix "
                    + file.path());
        }
        SavedTensorSlices contents;
        try {
            contents = Protos.parse(SavedTensorSlices.getDefaultInstance(), entry.value(), false);
        } catch (InvalidProtocolBufferException e) {
            throw new TfirException(file + ": the table of contents is not a SavedTensorSlices (" + e.getMessage()
                    + "): not a V1 TensorFlow checkpoint file, or a damaged one");
        }
        if (!contents.hasMeta()) {
            throw new TfirException(file + ": the table of contents (key \"\") holds no SavedTensorSliceMeta: not a"
                    + " V1 TensorFlow checkpoint file, or a damaged one");
        }
        SavedTensorSliceMeta meta = contents.getMeta();
        if (meta.getVersions().getMinConsumer() > CHECKPOINT_VERSION
                || meta.getVersions().getBadConsumersList().contains(CHECKPOINT_VERSION)) {
            throw new TfirException(file + ": written by a newer TensorFlow (checkpoint version "
                    + meta.getVersions().getProducer() + ", readers need version "
                    + meta.getVersions().getMinConsumer() + "); tfir reads version " + CHECKPOINT_VERSION);
        }
        return meta;
    }

    private static void register(CheckpointFile file, SsTable table, SavedSliceMeta meta, Map<String, Stored> tensors) {
        long[] shape = StoredShapes.dims(meta.getShape());
        if (shape == null || StoredShapes.elements(shape) < 0
                || DTypes.byteSize(meta.getType()) > 0 && StoredShapes.byteSize(meta.getType(), shape) < 0) {
            throw new TfirException(file + ": tensor '" + meta.getName() + "' has the shape "
                    + meta.getShape().toString().replace('\n', ' ').trim() + " in the table of contents, not a fully"
                    + " known one: the file is damaged");
        }
        Stored stored = tensors.computeIfAbsent(meta.getName(),
                name -> new Stored(name, meta.getType(), shape, new ArrayList<>()));
        if (stored.dtype() != meta.getType() || !Arrays.equals(stored.shape(), shape)) {
            throw new TfirException(file + ": tensor '" + meta.getName() + "' is "
                    + StoredShapes.describe(meta.getType(), shape) + " here but "
                    + StoredShapes.describe(stored.dtype(), stored.shape())
                    + " in another file of the checkpoint: the files belong to different saves");
        }
        for (TensorSliceProto proto : meta.getSliceList()) {
            TensorSlice slice = TensorSlice.fromProto(proto);
            if (slice.shapeIn(shape) == null) {
                throw new TfirException(file + ": tensor '" + meta.getName() + "' has the slice " + slice
                        + " in the table of contents, which does not fit its shape "
                        + StoredShapes.describe(meta.getType(), shape)
                        + ": the file is damaged; copy it again from its source");
            }
            stored.parts().add(new Part(table, slice));
        }
    }

    @Override
    public List<VariableInfo> variables() {
        List<VariableInfo> list = new ArrayList<>(tensors.size());
        for (Stored t : tensors.values()) {
            long size = t.dtype() == DataType.DT_STRING ? -1 : StoredShapes.byteSize(t.dtype(), t.shape());
            list.add(new VariableInfo(t.name(), t.dtype(), t.shape(), size, Math.max(1, t.parts().size()), null));
        }
        return list;
    }

    @Override
    public Tensor read(String name) {
        Stored t = tensors.get(name);
        if (t == null) {
            throw new TfirException(files.get(0) + ": no tensor '" + name + "' in this checkpoint");
        }
        if (!StoredShapes.isReadable(t.dtype()) || TensorProtoValues.valueField(t.dtype()) == 0) {
            throw new TfirException(files.get(0) + ": tensor '" + name + "' has dtype "
                    + DTypes.pythonName(t.dtype()) + ", whose values tfir does not read");
        }
        if (t.parts().isEmpty()) {
            throw new TfirException(files.get(0) + ": tensor '" + name + "' has no slices in the table of contents:"
                    + " it was never saved; the file is damaged or incomplete");
        }
        if (t.parts().size() == 1 && t.parts().get(0).slice().isFull(t.shape())) {
            return readPart(t, t.parts().get(0), t.shape());
        }
        long elements = StoredShapes.elements(t.shape());
        long covered = 0;
        long stored = 0;
        List<TensorSlice> slices = new ArrayList<>();
        Map<TensorSlice, Part> partOf = new LinkedHashMap<>();
        for (Part part : t.parts()) {
            long[] sliceShape = part.slice().shapeIn(t.shape());
            if (sliceShape == null) {
                throw damaged(part, name, "slice " + part.slice() + " lies outside its shape "
                        + StoredShapes.describe(t.dtype(), t.shape()));
            }
            covered += StoredShapes.elements(sliceShape);
            stored += record(t, part).valueLength(); // every value takes at least one byte of its record
            slices.add(part.slice());
            partOf.put(part.slice(), part);
        }
        if (covered != elements || stored < elements) {
            throw damaged(t.parts().get(0), name, "its " + slices.size() + " slices hold " + covered + " of its "
                    + elements + " elements");
        }
        return SliceAssembler.assemble(name, t.dtype(), t.shape(), slices,
                (slice, sliceShape) -> readPart(t, partOf.get(slice), sliceShape));
    }

    private Tensor readPart(Stored t, Part part, long[] sliceShape) {
        SsBlock.Entry record = record(t, part);
        try {
            return TensorProtoValues.decode(t.name(), t.dtype(), sliceShape, record.value());
        } catch (TensorProtoValues.Malformed e) {
            throw damaged(part, t.name(), "slice " + part.slice() + ": " + e.getMessage());
        }
    }

    private SsBlock.Entry record(Stored t, Part part) {
        String what = "tensor '" + t.name() + "'";
        SsBlock.Entry record = part.table().get(OrderedCode.sliceKey(t.name(), part.slice()), what);
        if (record == null) {
            throw damaged(part, t.name(), "slice " + part.slice() + " listed in the table of contents has no record");
        }
        return record;
    }

    private static TfirException damaged(Part part, String name, String problem) {
        return new TfirException(part.table().file() + ": tensor '" + name + "': " + problem
                + ": the file is damaged; copy it again from its source");
    }

    @Override
    public void close() {
        files.forEach(CheckpointFile::close);
    }
}
