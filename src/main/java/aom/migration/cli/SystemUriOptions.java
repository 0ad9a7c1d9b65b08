package aom.migration.cli;

import aom.migration.model.SystemKind;
import aom.migration.mongo.ConnectionSettings;
import aom.migration.mongo.InstanceHosts;
import aom.migration.mongo.UriRedaction;
import picocli.CommandLine.Option;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --system-uri SYSTEM=URI} (repeatable): a system whose instance data lives on another MongoDB than the
 * installation's metadata database, e.g. {@code --system-uri STAGING=mongodb://h2:27017}.
 */
public class SystemUriOptions {

    @Option(names = "--system-uri", paramLabel = "SYSTEM=URI",
            description = "A system (LIVE, STAGING, TEST) whose database lives on another MongoDB than the"
                    + " installation's 'apiomat' database, with that host's connection string; repeatable")
    List<String> systemUris;

    /**
     * The systems with hosts of their own.
     *
     * @throws UserError (exit 2) with one line for a malformed entry, an unknown system, a bad URI or a system
     *                   given twice; the URI's password never appears in it
     */
    public InstanceHosts hosts() {
        return parse("--system-uri", systemUris);
    }

    /**
     * The systems with hosts of their own, from the {@code SYSTEM=URI} entries of {@code option}.
     *
     * @throws UserError (exit 2) as {@link #hosts()}, naming {@code option}
     */
    static InstanceHosts parse(String option, List<String> systemUris) {
        if (systemUris == null || systemUris.isEmpty()) {
            return InstanceHosts.none();
        }
        Map<SystemKind, ConnectionSettings> hosts = new EnumMap<>(SystemKind.class);
        for (String entry : systemUris) {
            int equals = entry.indexOf('=');
            if (equals <= 0 || equals == entry.length() - 1) {
                throw bad(option + " takes SYSTEM=URI, e.g. STAGING=mongodb://h2:27017; got '"
                        + UriRedaction.redact(entry) + "'");
            }
            String name = entry.substring(0, equals).strip();
            String uri = entry.substring(equals + 1).strip();
            SystemKind system;
            try {
                system = SystemKind.parse(name);
            } catch (IllegalArgumentException e) {
                throw bad(option + ": " + e.getMessage());
            }
            ConnectionSettings settings;
            try {
                settings = ConnectionSettings.fromUri(uri);
            } catch (RuntimeException e) {
                throw bad(option + " " + system + ": not a valid connection string (" + UriRedaction.redact(
                        String.valueOf(e.getMessage())) + ")");
            }
            List<String> problems = settings.problems();
            if (!problems.isEmpty()) {
                throw bad(option + " " + system + " (" + settings.hostsOnly() + "): " + String.join("; ", problems));
            }
            if (hosts.put(system, settings) != null) {
                throw bad(option + " names " + system + " twice");
            }
        }
        return InstanceHosts.of(hosts);
    }

    private static UserError bad(String message) {
        return new UserError(ExitCode.BAD_INPUT, message);
    }
}
