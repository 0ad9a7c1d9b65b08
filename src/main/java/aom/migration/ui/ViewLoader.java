package aom.migration.ui;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Loads a view's FXML with a controller the caller has built (with its ViewModel), so that the FXML keeps its
 * {@code fx:controller} for tools and the controller still gets its dependencies through the constructor.
 */
public final class ViewLoader {

    private ViewLoader() {
    }

    /**
     * Loads {@code fxml} (relative to {@code /aom/migration/ui/}) with {@code controller} and the messages, and binds
     * the controller when it is a {@link BindableView}. Call on the FX thread.
     */
    public static Parent load(String fxml, Object controller) {
        Parent root = build(fxml, controller);
        if (controller instanceof BindableView view) {
            view.bind();
        }
        return root;
    }

    /**
     * Loads {@code fxml} with {@code controller} without binding it: on any thread, as long as the nodes are not yet
     * part of a window that is showing.
     */
    public static Parent build(String fxml, Object controller) {
        FXMLLoader loader = new FXMLLoader(Resources.url(fxml), Messages.bundle());
        loader.setControllerFactory(type -> {
            if (!type.isInstance(controller)) {
                throw new IllegalStateException(fxml + " names controller " + type.getName() + " but "
                        + controller.getClass().getName() + " was given");
            }
            return controller;
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + fxml + ": " + e.getMessage(), e);
        }
    }
}
