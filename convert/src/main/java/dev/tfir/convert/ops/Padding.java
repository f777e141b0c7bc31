package dev.tfir.convert.ops;

/** How a window op pads its input, and the {@code auto_pad} value that says so in the IR. */
public enum Padding {
    /** TensorFlow's SAME: the output size is ceil(input / stride), extra padding at the end. */
    SAME("same_upper"),
    /** No padding. */
    VALID("valid"),
    /** The pads given. */
    EXPLICIT("explicit");

    private final String autoPad;

    Padding(String autoPad) {
        this.autoPad = autoPad;
    }

    public String autoPad() {
        return autoPad;
    }
}
