package dev.tfir.common.checkpoint;

/** The location of an SSTable block: its offset and size in the file, the 5-byte trailer not counted. */
record BlockHandle(long offset, long size) {
    static final int TRAILER_SIZE = 5;

    static BlockHandle decode(ByteReader in) throws ByteReader.Truncated {
        return new BlockHandle(in.varint64(), in.varint64());
    }

    String range() {
        return "[" + offset + ", " + (offset + size) + ")";
    }
}
