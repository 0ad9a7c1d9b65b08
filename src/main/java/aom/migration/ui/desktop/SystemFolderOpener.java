package aom.migration.ui.desktop;

import javafx.application.HostServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Opens folders with the desktop's file manager. On Linux through {@code xdg-open}, whose answer tells whether a
 * file manager took the folder (JavaFX's {@link HostServices} starts it and reports nothing, so a desktop without a
 * file manager opened nothing and said nothing); elsewhere through {@link HostServices}, which hands the folder's
 * URI to Finder or Explorer, or else AWT's {@link Desktop}.
 */
public final class SystemFolderOpener implements FolderOpener {

    private static final Logger LOG = LoggerFactory.getLogger(SystemFolderOpener.class);
    /** xdg-open returns once the file manager has the folder; one that keeps running has it too. */
    private static final long XDG_OPEN_WAIT_SECONDS = 10;

    private final HostServices hostServices;

    /** @param hostServices the application's host services, or {@code null} when there are none */
    public SystemFolderOpener(HostServices hostServices) {
        this.hostServices = hostServices;
    }

    @Override
    public boolean open(Path folder) {
        if (isLinux()) {
            return xdgOpen(folder);
        }
        if (hostServices != null) {
            hostServices.showDocument(folder.toUri().toString());
            return true;
        }
        try {
            if (!GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                    && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                Desktop.getDesktop().open(folder.toFile());
                return true;
            }
        } catch (IOException | RuntimeException e) {
            LOG.info("The desktop could not open {}: {}", folder, e.toString());
        }
        return false;
    }

    private static boolean xdgOpen(Path folder) {
        try {
            Process process = new ProcessBuilder("xdg-open", folder.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(XDG_OPEN_WAIT_SECONDS, TimeUnit.SECONDS)) {
                return true;
            }
            int exit = process.exitValue();
            if (exit != 0) {
                LOG.info("xdg-open {} answered {}: no application opens folders here", folder, exit);
            }
            return exit == 0;
        } catch (IOException e) {
            LOG.info("xdg-open could not be started: {}", e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    }
}
