package dev.tfir.common.checkpoint;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.tfir.common.proto.Protos;
import java.nio.ByteBuffer;
import org.tensorflow.proto.BundleHeaderProto;
import org.tensorflow.proto.SavedTensorSlices;

/**
 * Tells the value under key {@code ""} of a V1 file (a SavedTensorSlices whose field 1, {@code meta}, is a
 * message: first byte 0x0a) from that of a V2 index (a BundleHeaderProto: {@code num_shards} varint, first byte
 * 0x08), so that a file of one format given as the other gets a message saying so.
 */
final class StoredHeaders {
    private StoredHeaders() {}

    static boolean isV1Meta(ByteBuffer value) {
        if (!value.hasRemaining() || value.get(value.position()) != 0x0a) {
            return false;
        }
        try {
            return Protos.parse(SavedTensorSlices.getDefaultInstance(), value, false).hasMeta();
        } catch (InvalidProtocolBufferException e) {
            return false;
        }
    }

    static boolean isV2Header(ByteBuffer value) {
        if (!value.hasRemaining() || value.get(value.position()) != 0x08) {
            return false;
        }
        try {
            return Protos.parse(BundleHeaderProto.getDefaultInstance(), value, false).getNumShards() > 0;
        } catch (InvalidProtocolBufferException e) {
            return false;
        }
    }
}
