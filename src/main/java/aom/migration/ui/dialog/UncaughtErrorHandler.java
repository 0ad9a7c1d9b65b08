package aom.migration.ui.dialog;

import aom.migration.ui.Messages;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Shows any exception nobody caught, on any thread, in the error dialog instead of losing it on the console.
 * While one such dialog is open, further ones are only logged, so that an error in a render loop cannot stack up
 * hundreds of dialogs.
 */
public final class UncaughtErrorHandler implements Thread.UncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(UncaughtErrorHandler.class);

    private final DialogService dialogs;
    private final AtomicBoolean showing = new AtomicBoolean();

    public UncaughtErrorHandler(DialogService dialogs) {
        this.dialogs = dialogs;
    }

    /** Makes this the handler of every thread, the FX thread included. */
    public void install() {
        Thread.setDefaultUncaughtExceptionHandler(this);
        if (Platform.isFxApplicationThread()) {
            Thread.currentThread().setUncaughtExceptionHandler(this);
        }
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        LOG.error("Uncaught exception in thread {}", thread.getName(), error);
        if (!showing.compareAndSet(false, true)) {
            return;
        }
        Runnable show = () -> {
            try {
                dialogs.showError(Messages.get("error.unexpected.title"), ErrorText.readable(error), error);
            } catch (RuntimeException dialogFailure) {
                LOG.error("Could not show the error dialog", dialogFailure);
            } finally {
                showing.set(false);
            }
        };
        if (Platform.isFxApplicationThread()) {
            show.run();
        } else {
            Platform.runLater(show);
        }
    }
}
