package aom.migration.restore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes reports: as indented JSON, and saved as JSON and text side by side, named after the application, the kind
 * of check and the time.
 */
final class ReportFiles {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private ReportFiles() {
    }

    /**
     * Writes {@code <application>-<kind>-<yyyyMMdd-HHmmss>.json} and {@code .txt} into {@code directory}.
     *
     * @throws UncheckedIOException naming the directory when the files cannot be written
     */
    static VerificationReport.Saved save(Path directory, String application, String kind, Instant when, String json,
                                         String text) {
        String base = application.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + kind + "-" + FILE_TIME.format(when);
        Path jsonFile = directory.resolve(base + ".json");
        Path textFile = directory.resolve(base + ".txt");
        try {
            Files.createDirectories(directory);
            Files.writeString(jsonFile, json, StandardCharsets.UTF_8);
            Files.writeString(textFile, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the report to " + directory + ": " + e.getMessage(), e);
        }
        return new VerificationReport.Saved(jsonFile, textFile);
    }

    /** A report record as indented JSON (Jackson serialises records by their components). */
    static String json(Record report) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the report as JSON", e);
        }
    }
}
