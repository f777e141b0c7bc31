package dev.tfir.convert;

/** Entry point of the {@code convert} executable (the converter arrives with its own issue). */
public final class ConvertMain {
    private ConvertMain() {}

    public static void main(String[] args) {
        System.err.println("convert: error: the converter is not available in this build yet; "
                + "use summarize-graph to inspect models");
        System.exit(1);
    }
}
