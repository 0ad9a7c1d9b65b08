package aom.migration.ui.pages.connections;

import aom.migration.model.SystemKind;
import aom.migration.mongo.ConnectionSettings;
import aom.migration.mongo.InvalidConnectionException;
import aom.migration.ui.Messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One check of what a connection form holds: parses the URI or the fields, collects every problem as a sentence
 * and marks the input each belongs to. Never touches files (see {@link TlsFileCheck}) or the network.
 */
final class ConnectionValidation {

    private final FieldProblems fields;
    private final List<String> problems = new ArrayList<>();

    ConnectionValidation(FieldProblems fields) {
        this.fields = fields;
        fields.clear();
    }

    /** Every problem found, in the order of the form. */
    List<String> problems() {
        return problems;
    }

    /** The settings of {@code uri}, or {@code null} when it cannot be parsed. */
    ConnectionSettings parseUri(String uri) {
        try {
            return ConnectionSettings.fromUri(uri);
        } catch (InvalidConnectionException e) {
            fields.set(FieldProblems.Field.URI, e.getMessage());
            problems.add(e.getMessage());
            return null;
        }
    }

    /** The settings of the fields, or {@code null} when the host, port or file fields cannot be used. */
    ConnectionSettings parseFields(ConnectionFields input, ConnectionSettings carried) {
        ConnectionFields.Parsed parsed = input.parse(carried);
        mark(FieldProblems.Field.HOSTS, parsed.hostsProblem());
        mark(FieldProblems.Field.PORT, parsed.portProblem());
        mark(FieldProblems.Field.CA_FILE, parsed.caFileProblem());
        mark(FieldProblems.Field.CLIENT_CERTIFICATE, parsed.clientCertificateProblem());
        return parsed.settings();
    }

    /** The problems of parsed settings, those of their TLS files as far as they were checked. */
    void checkSettings(ConnectionSettings parsed, ConnectionMode mode, TlsFileCheck fileCheck) {
        List<String> own = problemsWithoutFiles(parsed);
        problems.addAll(own);
        if (mode == ConnectionMode.URI && !own.isEmpty()) {
            fields.set(FieldProblems.Field.URI, String.join("\n", own));
        } else if (mode == ConnectionMode.FIELDS) {
            markCredentials(parsed, own);
        }
        problems.addAll(fileCheck.problems(parsed, fields, mode));
    }

    /** The problems of the instance-data hosts, when the user switched them on; blank ones are fine. */
    void checkInstanceHosts(boolean enabled, Map<SystemKind, String> uris) {
        if (!enabled) {
            return;
        }
        uris.forEach((system, text) -> {
            if (text.isBlank()) {
                return;
            }
            String problem;
            try {
                List<String> own = problemsWithoutFiles(ConnectionSettings.fromUri(text));
                problem = own.isEmpty() ? null : String.join("; ", own);
            } catch (InvalidConnectionException e) {
                problem = e.getMessage();
            }
            if (problem != null) {
                fields.setInstance(system, problem);
                problems.add(system + ": " + problem);
            }
        });
    }

    /**
     * The settings' own problems except whether the TLS files are readable: that is file work, which
     * {@link TlsFileCheck} does in the background.
     */
    static List<String> problemsWithoutFiles(ConnectionSettings parsed) {
        ConnectionSettings withoutFiles = new ConnectionSettings(parsed.hosts(), parsed.srv(), parsed.username(),
                parsed.password(), parsed.authDatabase(), parsed.tls(), null, null,
                parsed.tlsClientCertificatePassword(), parsed.tlsAllowInvalidHostnames(), parsed.replicaSet(),
                parsed.serverSelectionTimeout(), parsed.extraOptions());
        List<String> found = new ArrayList<>(withoutFiles.problems());
        if ((parsed.tlsCaFile() != null || parsed.tlsClientCertificate() != null) && !parsed.tls()) {
            found.add(Messages.get("connection.tls.off"));
        }
        return found;
    }

    private void markCredentials(ConnectionSettings parsed, List<String> own) {
        if (parsed.username() == null && parsed.password() != null) {
            fields.set(FieldProblems.Field.USER, Messages.get("connection.user.missing"));
        } else if (parsed.username() != null && parsed.password() == null && !own.isEmpty()) {
            fields.set(FieldProblems.Field.PASSWORD, Messages.format("connection.password.missing",
                    parsed.username()));
        }
    }

    private void mark(FieldProblems.Field field, String problem) {
        fields.set(field, problem);
        if (problem != null) {
            problems.add(problem);
        }
    }
}
