package dev.tfir.summarize;

import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code --version}: the jar's implementation version. */
public final class Versions implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Versions.class.getPackage().getImplementationVersion();
        return new String[] {"tfir " + (version == null ? "(development build)" : version)};
    }
}
