package aom.migration.cli;

import aom.migration.model.ToolVersion;
import picocli.CommandLine.IVersionProvider;

/** Prints the tool's and the Java runtime's versions for {@code --version}. */
public class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {
            "ApiOmat Migration Wizard " + ToolVersion.version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
