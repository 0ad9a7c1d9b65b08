package aom.migration.ui.desktop;

import javafx.application.HostServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Opens folders with the desktop's file manager: through JavaFX's {@link HostServices}, which hands the folder's URI
 * to the system's default handler ({@code xdg-open}, Finder, Explorer), or else through AWT's {@link Desktop} where
 * the platform supports it.
 */
public final class SystemFolderOpener implements FolderOpener {

    private static final Logger LOG = LoggerFactory.getLogger(SystemFolderOpener.class);

    private final HostServices hostServices;

    /** @param hostServices the application's host services, or {@code null} when there are none */
    public SystemFolderOpener(HostServices hostServices) {
        this.hostServices = hostServices;
    }

    @Override
    public boolean open(Path folder) {
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
}
