package aom.migration.ui;

/**
 * A view (an FXML controller) made in two steps, so that the expensive one can leave the FX thread: its nodes are
 * built from the FXML on any thread ({@link ViewLoader#build}), and only then bound to its ViewModel, on the FX
 * thread, where the ViewModel's properties change. Building touches no ViewModel state, so a view may be built in
 * the background while its ViewModel is in use.
 */
public interface BindableView {

    /** Binds the built nodes to the ViewModel: once, on the FX thread, before the view is shown. */
    void bind();
}
