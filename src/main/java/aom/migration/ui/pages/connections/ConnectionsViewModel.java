package aom.migration.ui.pages.connections;

import aom.migration.model.SystemKind;
import aom.migration.mongo.ConnectionSettings;
import aom.migration.ui.wizard.PageViewModel;
import aom.migration.ui.wizard.WizardFlow;
import aom.migration.ui.wizard.WizardModel;
import aom.migration.ui.wizard.WizardServices;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;

import java.util.Map;

/**
 * The Connections page: the source, the target, or both, depending on the flow. Next is enabled when every
 * shown connection is valid and its test, if one was made, did not fail; testing it is recommended but not
 * required.
 */
public final class ConnectionsViewModel implements PageViewModel {

    private final WizardModel model;
    private final SavedConnections saved;
    private final ConnectionFormViewModel source;
    private final ConnectionFormViewModel target;
    private final ReadOnlyBooleanWrapper showSource = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper showTarget = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canGoNext = new ReadOnlyBooleanWrapper();

    public ConnectionsViewModel(WizardModel model, WizardServices services) {
        this.model = model;
        this.saved = new SavedConnections(services.settingsDirectory(), services.executor());
        this.source = new ConnectionFormViewModel(ConnectionRole.SOURCE, services.executor(), services.dialogs(),
                saved);
        this.target = new ConnectionFormViewModel(ConnectionRole.TARGET, services.executor(), services.dialogs(),
                saved);
        canGoNext.bind(showSource.not().or(usable(source)).and(showTarget.not().or(usable(target))));
        follow(model.connections().sourceProperty(), model.connections().sourceInstanceHosts(), source);
        follow(model.connections().targetProperty(), model.connections().targetInstanceHosts(), target);
        showFormsFor(model.getFlow());
        model.flowProperty().addListener((observable, old, flow) -> showFormsFor(flow));
    }

    @Override
    public ReadOnlyBooleanProperty canGoNextProperty() {
        return canGoNext.getReadOnlyProperty();
    }

    @Override
    public void enter() {
        saved.load();
    }

    @Override
    public void commit() {
        if (showSource.get()) {
            model.connections().useSource(source.getSettings(), source.instanceHosts());
        }
        if (showTarget.get()) {
            model.connections().useTarget(target.getSettings(), target.instanceHosts());
        }
    }

    public ConnectionFormViewModel source() {
        return source;
    }

    public ConnectionFormViewModel target() {
        return target;
    }

    public SavedConnections saved() {
        return saved;
    }

    public ReadOnlyBooleanProperty showSourceProperty() {
        return showSource.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty showTargetProperty() {
        return showTarget.getReadOnlyProperty();
    }

    /** Valid, and not known to fail: a failed test holds Next back until the connection is changed. */
    private static BooleanBinding usable(ConnectionFormViewModel form) {
        return form.validProperty().and(form.tester().errorProperty().isNull());
    }

    private void showFormsFor(WizardFlow flow) {
        showSource.set(flow.needsSource());
        showTarget.set(flow.needsTarget());
    }

    /**
     * Shows a connection set from elsewhere (the demo, or the session before a change of language) in its form, unless
     * the form shows it already.
     */
    private static void follow(ReadOnlyObjectProperty<ConnectionSettings> connection,
                               Map<SystemKind, ConnectionSettings> hosts, ConnectionFormViewModel form) {
        if (connection.get() != null) {
            form.load(connection.get(), hosts);
        }
        connection.addListener((observable, old, now) -> {
            if (now != null && !form.isShowing(now)) {
                form.load(now, hosts);
            }
        });
    }
}
