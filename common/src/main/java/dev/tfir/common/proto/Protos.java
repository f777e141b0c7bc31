package dev.tfir.common.proto;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.UnsafeByteOperations;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The one way tfir parses binary protobuf: the bytes' structure is checked first ({@link WireCheck}), so that no
 * declared length, however large, makes protobuf read outside the buffer (a memory-mapped file, a block of a
 * checkpoint). Every parse of bytes from a file goes through here.
 */
public final class Protos {
    private Protos() {}

    /**
     * Parses all of {@code bytes} (position to limit) as a message of the prototype's type. With {@code alias},
     * byte fields (the {@code tensor_content} of constants) are views into {@code bytes}, not copies: the buffer
     * must not change afterwards.
     */
    @SuppressWarnings("unchecked")
    public static <T extends Message> T parse(T prototype, ByteBuffer bytes, boolean alias)
            throws InvalidProtocolBufferException {
        check(prototype, bytes);
        CodedInputStream input = UnsafeByteOperations.unsafeWrap(bytes.duplicate()).newCodedInput();
        input.enableAliasing(alias);
        T message = (T) prototype.getParserForType().parseFrom(input);
        input.checkLastTagWas(0);
        return message;
    }

    /**
     * Merges the fields from {@code start} to {@code end} (absolute positions, whole fields) of bytes that passed
     * {@link #check} into {@code builder}, as a parse of the whole message would (see {@link WireFields}).
     */
    public static <B extends Message.Builder> B merge(B builder, ByteBuffer bytes, int start, int end, boolean alias)
            throws InvalidProtocolBufferException {
        CodedInputStream input = UnsafeByteOperations.unsafeWrap(bytes.duplicate().limit(end).position(start).slice())
                .newCodedInput();
        input.enableAliasing(alias);
        try {
            builder.mergeFrom(input);
        } catch (InvalidProtocolBufferException e) {
            throw e;
        } catch (IOException e) {  // from a buffer, only InvalidProtocolBufferException
            throw new InvalidProtocolBufferException(e);
        }
        input.checkLastTagWas(0);
        return builder;
    }

    /** Parses a whole array (byte fields copied); see {@link #parse(Message, ByteBuffer, boolean)}. */
    public static <T extends Message> T parse(T prototype, byte[] bytes) throws InvalidProtocolBufferException {
        return parse(prototype, ByteBuffer.wrap(bytes), false);
    }

    /** True when {@code bytes} are well-formed wire data for the prototype's type (see {@link WireCheck}). */
    public static boolean wellFormed(Message prototype, ByteBuffer bytes) {
        try {
            check(prototype, bytes);
            return true;
        } catch (InvalidProtocolBufferException e) {
            return false;
        }
    }

    /**
     * Throws unless {@code bytes} (position to limit) are well-formed wire data for the prototype's type: for code
     * that reads such bytes field by field with its own {@link CodedInputStream} (see {@link WireCheck}).
     */
    public static void check(Message prototype, ByteBuffer bytes) throws InvalidProtocolBufferException {
        WireCheck.check(WireSchema.of(prototype.getClass()), bytes);
    }
}
