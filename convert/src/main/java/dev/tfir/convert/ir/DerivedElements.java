package dev.tfir.convert.ir;

import java.nio.ByteBuffer;

/**
 * The elements of a constant derived from another one (transposed, converted to f16), computed a chunk at a time
 * when they are needed: a model's weights are then never held twice, and chunks are computed in parallel as the
 * .bin is written.
 */
interface DerivedElements {
    /** Elements per aligned chunk: a range to {@link #fill} starts at a multiple of it and spans whole units. */
    long unit();

    /** Puts elements [from, from + count) as little-endian bytes at the target's position, advancing it. */
    void fill(long from, long count, ByteBuffer target);

    /** The tensor holding the same values in another order, or null: an f16 check can run over it instead. */
    ConstTensor reordered();

    /**
     * A tensor whose finite elements, times a factor, bound the magnitudes of these (where they are finite), or
     * null: an f16 check of the (cheaper) bound can spare computing these.
     */
    default Bound bound() {
        return null;
    }

    /** No finite element is larger in magnitude than {@code factor} times the largest finite one of {@code base}. */
    record Bound(ConstTensor base, double factor) {}
}
