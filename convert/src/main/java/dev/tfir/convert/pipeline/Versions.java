package dev.tfir.convert.pipeline;

/** The version of tfir, from the jar's manifest ("dev" when run from classes). */
public final class Versions {
    private Versions() {}

    public static String tfir() {
        String version = Versions.class.getPackage().getImplementationVersion();
        return version != null ? version : "dev";
    }
}
