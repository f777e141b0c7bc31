package dev.tfir.convert.ops;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.IntStream;

/** The five masks of a strided slice as TensorFlow stores them: one bit per entry of begin/end/strides. */
public final class SliceMasks {
    /** Which mask. */
    public enum Kind { BEGIN, END, NEW_AXIS, SHRINK, ELLIPSIS }

    private final Map<Kind, Long> bits = new EnumMap<>(Kind.class);

    /** Masks from TensorFlow's bit fields. */
    public SliceMasks(long begin, long end, long newAxis, long shrink, long ellipsis) {
        bits.put(Kind.BEGIN, begin);
        bits.put(Kind.END, end);
        bits.put(Kind.NEW_AXIS, newAxis);
        bits.put(Kind.SHRINK, shrink);
        bits.put(Kind.ELLIPSIS, ellipsis);
    }

    /** The entries that add no axis (an ellipsis adds none, whatever its new-axis bit), of {@code entries}. */
    int[] entriesAddingNoAxis(int entries) {
        boolean[] newAxis = flags(Kind.NEW_AXIS, entries);
        boolean[] ellipsis = flags(Kind.ELLIPSIS, entries);
        return IntStream.range(0, entries).filter(i -> !newAxis[i] || ellipsis[i]).toArray();
    }

    /** The masks of {@code entries} (indexes into these masks' entries), in that order, none a new axis. */
    SliceMasks ofEntries(int[] entries) {
        SliceMasks picked = new SliceMasks(0, 0, 0, 0, 0);
        for (Kind kind : Kind.values()) {
            long from = kind == Kind.NEW_AXIS ? 0 : bits.get(kind);
            long to = 0;
            for (int j = 0; j < entries.length; j++) {
                to |= ((from >> entries[j]) & 1) << j;
            }
            picked.bits.put(kind, to);
        }
        return picked;
    }

    /** One mask as OpenVINO writes it: a 0/1 per entry, e.g. {@code 1, 0}. */
    long[] bits(Kind kind, int entries) {
        long[] flags = new long[entries];
        for (int i = 0; i < entries; i++) {
            flags[i] = (bits.get(kind) >> i) & 1;
        }
        return flags;
    }

    SliceSpec.Masks forEntries(int entries) {
        return new SliceSpec.Masks(flags(Kind.BEGIN, entries), flags(Kind.END, entries),
                flags(Kind.NEW_AXIS, entries), flags(Kind.SHRINK, entries), flags(Kind.ELLIPSIS, entries));
    }

    private boolean[] flags(Kind kind, int entries) {
        boolean[] flags = new boolean[entries];
        for (int i = 0; i < entries; i++) {
            flags[i] = ((bits.get(kind) >> i) & 1) != 0;
        }
        return flags;
    }
}
