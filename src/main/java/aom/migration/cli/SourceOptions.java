package aom.migration.cli;

import aom.migration.mongo.ConnectionSettings;
import picocli.CommandLine.Option;

/** {@code --source URI}, defaulting to {@code AOM_SOURCE_URI}. */
public class SourceOptions {

    @Option(names = "--source", paramLabel = "URI", defaultValue = "${env:AOM_SOURCE_URI}",
            description = "Connection string of the source installation (default: $AOM_SOURCE_URI)")
    String sourceUri;

    /** The parsed source connection; a missing or malformed URI is a usage error. */
    public ConnectionSettings settings() {
        if (sourceUri == null || sourceUri.isBlank()) {
            throw new UserError(ExitCode.BAD_INPUT, "No source installation: pass --source URI or set AOM_SOURCE_URI");
        }
        return ConnectionSettings.fromUri(sourceUri);
    }
}
