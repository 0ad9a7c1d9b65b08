package aom.migration.restore;

import aom.migration.model.PrivateFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes reports: as indented JSON, and saved as JSON and text side by side, named after the application, the kind
 * of check and the time.
 */
public final class ReportFiles {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private ReportFiles() {
    }

    /**
     * Writes {@code <application>-<kind>-<yyyyMMdd-HHmmss>.json} and {@code .txt} into {@code directory}, owner-only,
     * each complete before it appears under its name ({@link PrivateFiles#write}); a report of the same second
     * that is there already keeps its files, and this one gets {@code -2}, {@code -3}, ... in its name.
     *
     * @throws UncheckedIOException naming the directory when the files cannot be written
     */
    public static VerificationReport.Saved save(Path directory, String application, String kind, Instant when, String json,
                                         String text) {
        String base = application.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + kind + "-" + FILE_TIME.format(when);
        try {
            PrivateFiles.folder(directory);
            for (int attempt = 1; ; attempt++) {
                String name = attempt == 1 ? base : base + "-" + attempt;
                Path jsonFile = directory.resolve(name + ".json");
                Path textFile = directory.resolve(name + ".txt");
                try {
                    PrivateFiles.write(jsonFile, json.getBytes(StandardCharsets.UTF_8), false);
                } catch (FileAlreadyExistsException e) {
                    continue;
                }
                PrivateFiles.write(textFile, text.getBytes(StandardCharsets.UTF_8), false);
                return new VerificationReport.Saved(jsonFile, textFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the report to " + directory + ": " + e.getMessage(), e);
        }
    }

    /** A report record as indented JSON (Jackson serialises records by their components). */
    public static String json(Record report) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the report as JSON", e);
        }
    }
}
