package aom.migration.ui.settings;

import aom.migration.model.PrivateFiles;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads and writes one JSON settings file of the wizard, readable by its user only. Writes go to a part file that
 * replaces the old one, so a crash never leaves half a file; a file that cannot be read is logged and treated as
 * missing, so a damaged settings file never stops the wizard from starting.
 */
public final class SettingsFile {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsFile.class);
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private SettingsFile() {
    }

    /** The content of {@code file}, or empty when it does not exist or cannot be parsed. */
    public static <T> Optional<T> read(Path file, Class<T> type) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(MAPPER.readValue(file.toFile(), type));
        } catch (IOException e) {
            LOG.warn("Ignoring the settings file {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Replaces {@code file} with {@code value} as JSON, through an owner-only part file of its own that is moved into
     * place when complete ({@link PrivateFiles#write}): a crash never leaves half a file, and two wizards saving at
     * once never share a temporary file.
     *
     * @param privateToUser kept for the callers that hold passwords; every settings file is owner-only now
     *                      (DESIGN.md section 10), as its folder is
     */
    public static void write(Path file, Object value, boolean privateToUser) {
        try {
            PrivateFiles.folder(file.toAbsolutePath().getParent());
            PrivateFiles.write(file, MAPPER.writeValueAsBytes(value), true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the settings file " + file + ": " + e.getMessage(), e);
        }
    }
}
