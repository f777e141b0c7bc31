package dev.tfir.cli;

import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The version of tfir, from this jar's manifest ("dev" when run from classes). */
public final class Versions {
    private Versions() {}

    public static String tfir() {
        String version = Versions.class.getPackage().getImplementationVersion();
        return version != null ? version : "dev";
    }

    /** {@code --version} of an executable: {@code convert (tfir) 0.1.0}. */
    public static final class Provider implements IVersionProvider {
        @Spec
        private CommandSpec spec;

        @Override
        public String[] getVersion() {
            return new String[] {spec.name() + " (tfir) " + tfir()};
        }
    }
}
