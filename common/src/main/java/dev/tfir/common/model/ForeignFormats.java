package dev.tfir.common.model;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises model files of other frameworks, and TensorFlow files that are not graphs, so that the error
 * for a wrong file says what the file is instead of "protobuf parse failed".
 */
final class ForeignFormats {
    private static final byte[] HDF5 = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] TFLITE = "TFL3".getBytes(StandardCharsets.US_ASCII);
    private static final long SSTABLE_MAGIC = 0xdb4775248b80fb57L;
    private static final int ONNX_IR_VERSION = 1;
    private static final int ONNX_GRAPH = 7;
    private static final int ONNX_OPSET_IMPORT = 8;

    private ForeignFormats() {}

    /** What the bytes are, when they are a known non-GraphDef format: "an ONNX model", ... */
    static Optional<String> describe(ByteBuffer bytes) {
        if (startsWith(bytes, 0, HDF5)) {
            return Optional.of("an HDF5 file (a Keras .h5 model); save the Keras model as a SavedModel "
                    + "(tf.saved_model.save) and pass its directory with --saved_model_dir");
        }
        if (startsWith(bytes, 0, ZIP)) {
            return Optional.of("a zip archive (a Keras .keras model?); export it as a SavedModel "
                    + "(model.export(dir)) and pass the directory with --saved_model_dir");
        }
        if (startsWith(bytes, 4, TFLITE)) {
            return Optional.of("a TensorFlow Lite flatbuffer (.tflite), which is already converted; "
                    + "tfir reads the TensorFlow model it was made from");
        }
        if (endsWithSstableMagic(bytes)) {
            return Optional.of("a TensorFlow checkpoint file (a table of variables, not a graph); "
                    + "pass it with --input_checkpoint next to --input_model or --input_meta_graph");
        }
        if (looksLikeOnnx(bytes)) {
            return Optional.of("an ONNX model; tfir reads TensorFlow models only");
        }
        return Optional.empty();
    }

    private static boolean startsWith(ByteBuffer bytes, int offset, byte[] prefix) {
        if (bytes.limit() < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes.get(offset + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsWithSstableMagic(ByteBuffer bytes) {
        int size = bytes.limit();
        return size >= 48 && bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN).getLong(size - 8) == SSTABLE_MAGIC;
    }

    /** An ONNX ModelProto: a varint ir_version (field 1), a graph (field 7) and opset imports (field 8). */
    private static boolean looksLikeOnnx(ByteBuffer bytes) {
        Set<Integer> fields = new HashSet<>();
        CodedInputStream in = CodedInputStream.newInstance(bytes.duplicate());
        try {
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                int field = WireFormat.getTagFieldNumber(tag);
                if (field == ONNX_IR_VERSION && WireFormat.getTagWireType(tag) != WireFormat.WIRETYPE_VARINT) {
                    return false;
                }
                fields.add(field);
                in.skipField(tag);
            }
        } catch (IOException e) {
            return false;
        }
        return fields.contains(ONNX_IR_VERSION) && fields.contains(ONNX_GRAPH) && fields.contains(ONNX_OPSET_IMPORT);
    }
}
