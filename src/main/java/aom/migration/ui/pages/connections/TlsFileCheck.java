package aom.migration.ui.pages.connections;

import aom.migration.mongo.ConnectionSettings;
import aom.migration.ui.Messages;
import aom.migration.ui.task.BackgroundTask;
import aom.migration.ui.task.TaskExecutor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Whether the TLS files of a connection can be read. That is file work, so it runs as a background task; the form
 * counts as invalid until the files it names were checked.
 */
final class TlsFileCheck {

    private final TaskExecutor executor;
    private final Runnable onChecked;
    private List<Path> checkedFiles;
    private List<Path> pendingFiles;
    private String caProblem;
    private String certificateProblem;

    TlsFileCheck(TaskExecutor executor, Runnable onChecked) {
        this.executor = executor;
        this.onChecked = onChecked;
    }

    boolean isCheckedFor(ConnectionSettings parsed) {
        List<Path> files = files(parsed);
        return files.stream().allMatch(Objects::isNull) || files.equals(checkedFiles);
    }

    /** The problems found for {@code parsed}'s files, if they were checked; also marks the fields. */
    List<String> problems(ConnectionSettings parsed, FieldProblems fields, ConnectionMode mode) {
        List<String> found = new ArrayList<>();
        if (!isCheckedFor(parsed)) {
            return found;
        }
        if (caProblem != null) {
            found.add(caProblem);
            fields.set(mode == ConnectionMode.URI ? FieldProblems.Field.URI : FieldProblems.Field.CA_FILE,
                    caProblem);
        }
        if (certificateProblem != null) {
            found.add(certificateProblem);
            fields.set(mode == ConnectionMode.URI ? FieldProblems.Field.URI
                    : FieldProblems.Field.CLIENT_CERTIFICATE, certificateProblem);
        }
        return found;
    }

    void start(ConnectionSettings parsed) {
        List<Path> files = files(parsed);
        if (files.equals(pendingFiles)) {
            return;
        }
        pendingFiles = files;
        executor.execute(BackgroundTask.of((progress, cancel) -> new String[] {
                        unreadable(parsed.tlsCaFile(), "connection.caFile.unreadable"),
                        unreadable(parsed.tlsClientCertificate(), "connection.clientCertificate.unreadable")})
                .onSuccess(result -> {
                    pendingFiles = null;
                    checkedFiles = files;
                    caProblem = result[0];
                    certificateProblem = result[1];
                    onChecked.run();
                }));
    }

    private static String unreadable(Path file, String key) {
        return file == null || Files.isReadable(file) ? null : Messages.format(key, file);
    }

    private static List<Path> files(ConnectionSettings parsed) {
        return Arrays.asList(parsed.tlsCaFile(), parsed.tlsClientCertificate());
    }
}
