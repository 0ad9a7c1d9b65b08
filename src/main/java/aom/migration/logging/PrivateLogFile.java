package aom.migration.logging;

import aom.migration.model.PrivateFiles;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The log file, created owner-only (DESIGN.md section 10): logback opens its file for appending with the umask's
 * permissions, at the start and again after every roll-over, so the file is created here first, {@code 0600} (or an
 * owner-only ACL), and logback appends to it. The folder is owner-only too.
 */
final class PrivateLogFile extends RollingFileAppender<ILoggingEvent> {

    /** Makes {@code <home>} and {@code <home>/logs} owner-only folders; a failure is logback's to report. */
    static void prepareFolder(Path home) {
        try {
            PrivateFiles.folder(home.resolve("logs"));
            PrivateFiles.tighten(home);
            PrivateFiles.tighten(home.resolve("logs"));
        } catch (IOException | RuntimeException e) {
            // logback says so when it cannot open the file
        }
    }

    @Override
    public void openFile(String fileName) throws IOException {
        Path file = Path.of(fileName);
        if (!Files.exists(file)) {
            PrivateFiles.folder(file.toAbsolutePath().getParent());
            try {
                PrivateFiles.createNew(file).close();
            } catch (FileAlreadyExistsException e) {
                // another tool process created it meanwhile, owner-only as well
            }
        } else {
            PrivateFiles.restrict(file, false);
        }
        super.openFile(fileName);
    }
}
