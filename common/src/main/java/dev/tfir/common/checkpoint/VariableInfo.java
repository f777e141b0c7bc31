package dev.tfir.common.checkpoint;

import dev.tfir.common.types.DTypes;
import dev.tfir.common.types.PartialShape;
import java.util.Arrays;
import java.util.Objects;
import org.tensorflow.proto.DataType;

/**
 * One tensor of a checkpoint, as listed without reading its data.
 *
 * <p>{@link #name()} is always the checkpoint key, the name {@code tf.train.load_checkpoint} lists and
 * {@link Checkpoint#read(String)} takes. In a TF1 checkpoint it is the variable's name ({@code
 * InceptionV1/Conv2d_1a_7x7/weights}). In a TF2 object-graph checkpoint ({@code tf.train.Checkpoint}, Keras,
 * SavedModel {@code variables/}) it is an object path plus attribute ({@code model/layers/0/kernel/.ATTRIBUTES/
 * VARIABLE_VALUE}); then {@link #objectPath()} is that path ({@code model/layers/0/kernel}) and
 * {@link Checkpoint#variableName} gives the variable's own name when it was saved.
 */
public final class VariableInfo {
    private final String name;
    private final DataType dtype;
    private final long[] shape;
    private final long byteSize;
    private final int slices;
    private final String objectPath;

    VariableInfo(String name, DataType dtype, long[] shape, long byteSize, int slices, String objectPath) {
        this.name = Objects.requireNonNull(name);
        this.dtype = Objects.requireNonNull(dtype);
        this.shape = shape.clone();
        this.byteSize = byteSize;
        this.slices = slices;
        this.objectPath = objectPath;
    }

    VariableInfo withObjectPath(String path) {
        return new VariableInfo(name, dtype, shape, byteSize, slices, path);
    }

    /** The checkpoint key. */
    public String name() {
        return name;
    }

    public DataType dtype() {
        return dtype;
    }

    /** The dims (a copy); empty for a scalar. */
    public long[] shape() {
        return shape.clone();
    }

    public PartialShape partialShape() {
        return PartialShape.of(shape);
    }

    /**
     * The size of the value {@link Checkpoint#read} returns: elements times element size for numeric and bool
     * tensors; for strings the bytes stored in a V2 data file (lengths included), or -1 in a V1 file.
     */
    public long byteSize() {
        return byteSize;
    }

    /** How many slices the tensor is stored as: more than 1 for a partitioned variable. */
    public int slices() {
        return slices;
    }

    /** The object path of a TF2 object-graph key (without {@code /.ATTRIBUTES/...}), or null. */
    public String objectPath() {
        return objectPath;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VariableInfo other && name.equals(other.name) && dtype == other.dtype
                && Arrays.equals(shape, other.shape) && byteSize == other.byteSize && slices == other.slices
                && Objects.equals(objectPath, other.objectPath);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, dtype, Arrays.hashCode(shape), byteSize);
    }

    @Override
    public String toString() {
        return name + ": " + DTypes.pythonName(dtype) + " " + Arrays.toString(shape)
                + (slices > 1 ? " in " + slices + " slices" : "");
    }
}
