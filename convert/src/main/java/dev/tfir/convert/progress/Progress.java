package dev.tfir.convert.progress;

/**
 * Where a conversion says what it is doing: its steps, and for a long step the amount done of its total. Closed
 * when the conversion ends.
 */
public interface Progress extends AutoCloseable {
    /** Reports nothing. */
    Progress NONE = new Progress() {
        @Override
        public void step(String name, long total) {}

        @Override
        public void advance(long amount) {}
    };

    /** A new step; {@code total} is its amount of work (bytes, ...), 0 when it is not measured. */
    void step(String name, long total);

    /** Adds to the amount done in the current step; may be called from any thread. */
    void advance(long amount);

    @Override
    default void close() {}
}
