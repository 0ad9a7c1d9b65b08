package aom.migration.ui.pages.connections;

import aom.migration.model.SystemKind;
import aom.migration.mongo.ConnectionSettings;
import aom.migration.mongo.InvalidConnectionException;
import aom.migration.ui.Messages;
import aom.migration.ui.dialog.DialogService;
import aom.migration.ui.dialog.ErrorText;
import aom.migration.ui.dialog.FileRequest;
import aom.migration.ui.task.TaskExecutor;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One installation's connection: a connection string or fields, optional instance-data hosts per system,
 * validation as the user types, and "Test connection". The settings are {@code null} while anything is invalid.
 */
public final class ConnectionFormViewModel {

    private final ConnectionRole role;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final SavedConnections saved;

    private final ObjectProperty<ConnectionMode> mode = new SimpleObjectProperty<>(ConnectionMode.URI);
    private final StringProperty uri = new SimpleStringProperty("");
    private final StringProperty hosts = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty authDatabase = new SimpleStringProperty("");
    private final StringProperty replicaSet = new SimpleStringProperty("");
    private final BooleanProperty tls = new SimpleBooleanProperty();
    private final StringProperty caFile = new SimpleStringProperty("");
    private final StringProperty clientCertificate = new SimpleStringProperty("");
    private final StringProperty clientCertificatePassword = new SimpleStringProperty("");
    private final BooleanProperty rememberPassword = new SimpleBooleanProperty();
    private final BooleanProperty separateInstanceHosts = new SimpleBooleanProperty();
    private final Map<SystemKind, StringProperty> instanceUris = new EnumMap<>(SystemKind.class);

    private final ReadOnlyObjectWrapper<ConnectionSettings> settings = new ReadOnlyObjectWrapper<>();
    private final FieldProblems fieldProblems = new FieldProblems();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyProblems = FXCollections.unmodifiableObservableList(problems);
    private final ReadOnlyStringWrapper problemSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();

    private final ConnectionTester tester;

    private final TlsFileCheck fileCheck;
    private ConnectionSettings carried;
    private ConnectionSettings lastParsed;
    private boolean loading;

    public ConnectionFormViewModel(ConnectionRole role, TaskExecutor executor, DialogService dialogs,
                                   SavedConnections saved) {
        this.role = role;
        this.executor = executor;
        this.dialogs = dialogs;
        this.saved = saved;
        this.fileCheck = new TlsFileCheck(executor, this::validate);
        this.tester = new ConnectionTester(executor);
        for (SystemKind system : SystemKind.values()) {
            instanceUris.put(system, new SimpleStringProperty(""));
        }
        List<Observable> inputs = new ArrayList<>(List.of(uri, hosts, port, user, password, authDatabase,
                replicaSet, tls, caFile, clientCertificate, clientCertificatePassword, separateInstanceHosts));
        inputs.addAll(instanceUris.values());
        inputs.forEach(input -> input.addListener(observable -> validate()));
        mode.addListener((observable, old, now) -> switchMode(now));
        settings.addListener((observable, old, now) -> tester.forget());
        validate();
    }

    // ---- inputs ----

    public ConnectionRole role() {
        return role;
    }

    public ObjectProperty<ConnectionMode> modeProperty() {
        return mode;
    }

    public StringProperty uriProperty() {
        return uri;
    }

    public StringProperty hostsProperty() {
        return hosts;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty authDatabaseProperty() {
        return authDatabase;
    }

    public StringProperty replicaSetProperty() {
        return replicaSet;
    }

    public BooleanProperty tlsProperty() {
        return tls;
    }

    public StringProperty caFileProperty() {
        return caFile;
    }

    public StringProperty clientCertificateProperty() {
        return clientCertificate;
    }

    public StringProperty clientCertificatePasswordProperty() {
        return clientCertificatePassword;
    }

    /** Whether a saved profile of this connection keeps its password. */
    public BooleanProperty rememberPasswordProperty() {
        return rememberPassword;
    }

    /** Whether some systems' instance data lives on other hosts than the metadata. */
    public BooleanProperty separateInstanceHostsProperty() {
        return separateInstanceHosts;
    }

    /** The connection string of {@code system}'s own host; blank means the main connection. */
    public StringProperty instanceUriProperty(SystemKind system) {
        return instanceUris.get(system);
    }

    // ---- validation ----

    public ConnectionSettings getSettings() {
        return settings.get();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** Every problem, as sentences; empty when the connection can be tried. */
    public ObservableList<String> problems() {
        return readOnlyProblems;
    }

    /** The problems, one a line, for the label under the form. */
    public ReadOnlyStringProperty problemSummaryProperty() {
        return problemSummary.getReadOnlyProperty();
    }

    /** The problem of one input, for its decoration; {@code null} when it is fine. */
    public ReadOnlyStringProperty problemProperty(FieldProblems.Field field) {
        return fieldProblems.property(field);
    }

    public ReadOnlyStringProperty instanceProblemProperty(SystemKind system) {
        return fieldProblems.instance(system);
    }

    /** The systems with a host of their own; empty unless {@link #separateInstanceHostsProperty()} is ticked. */
    public Map<SystemKind, ConnectionSettings> instanceHosts() {
        Map<SystemKind, ConnectionSettings> result = new EnumMap<>(SystemKind.class);
        if (separateInstanceHosts.get()) {
            instanceUris.forEach((system, text) -> {
                if (!text.get().isBlank()) {
                    try {
                        result.put(system, ConnectionSettings.fromUri(text.get()));
                    } catch (InvalidConnectionException e) {
                        // shown as the field's problem; such a form is not valid anyway
                    }
                }
            });
        }
        return result;
    }

    private void validate() {
        if (loading) {
            return;
        }
        ConnectionValidation check = new ConnectionValidation(fieldProblems);
        ConnectionSettings parsed = mode.get() == ConnectionMode.URI ? check.parseUri(uri.get())
                : check.parseFields(fields(), carried);
        lastParsed = parsed;
        if (parsed != null) {
            check.checkSettings(parsed, mode.get(), fileCheck);
        }
        Map<SystemKind, String> instanceTexts = new EnumMap<>(SystemKind.class);
        instanceUris.forEach((system, text) -> instanceTexts.put(system, text.get()));
        check.checkInstanceHosts(separateInstanceHosts.get(), instanceTexts);
        fieldProblems.apply();
        List<String> found = check.problems();
        problems.setAll(found);
        problemSummary.set(String.join("\n", found));
        boolean ok = parsed != null && found.isEmpty() && fileCheck.isCheckedFor(parsed);
        settings.set(ok ? parsed : null);
        valid.set(ok);
        if (parsed != null && !fileCheck.isCheckedFor(parsed)) {
            fileCheck.start(parsed);
        }
    }

    // ---- loading and switching ----

    /** Shows {@code loaded} (and its instance hosts) in both modes, e.g. the demo servers or a saved profile. */
    public void load(ConnectionSettings loaded, Map<SystemKind, ConnectionSettings> instanceHosts) {
        loading = true;
        try {
            carried = loaded;
            uri.set(ConnectionUri.of(loaded, true));
            fill(ConnectionFields.of(loaded));
            separateInstanceHosts.set(!instanceHosts.isEmpty());
            instanceUris.forEach((system, text) -> text.set(instanceHosts.containsKey(system)
                    ? ConnectionUri.of(instanceHosts.get(system), true) : ""));
        } finally {
            loading = false;
        }
        validate();
    }

    /** Fills the form from a saved connection; without a saved password, the fields ask for it. */
    public void loadProfile(ConnectionProfile profile) {
        ConnectionSettings loaded;
        Map<SystemKind, ConnectionSettings> hosts = new EnumMap<>(SystemKind.class);
        try {
            loaded = ConnectionSettings.fromUri(profile.uri());
            profile.instanceHosts().forEach((system, text) -> hosts.put(system, ConnectionSettings.fromUri(text)));
        } catch (InvalidConnectionException e) {
            dialogs.showError(Messages.get("connection.profile.broken"), e.getMessage(), e);
            return;
        }
        rememberPassword.set(profile.rememberPassword());
        load(loaded, hosts);
        if (loaded.username() != null && loaded.password() == null) {
            mode.set(ConnectionMode.FIELDS);
        }
    }

    /** Asks for a name and saves this connection (without passwords unless "remember password" is ticked). */
    public void saveProfile() {
        ConnectionSettings current = settings.get();
        if (current == null || saved == null) {
            return;
        }
        dialogs.askText(Messages.get("connection.profile.save.title"), Messages.get("connection.profile.save.name"),
                        current.hostsOnly())
                .ifPresent(name -> saved.save(ConnectionProfile.of(name, current, instanceHosts(),
                        rememberPassword.get()), error -> dialogs.showError(
                        Messages.get("connection.profile.save.failed"), ErrorText.readable(error), error)));
    }

    private void switchMode(ConnectionMode now) {
        if (loading) {
            return;
        }
        ConnectionSettings current = lastParsed;
        if (current != null) {
            loading = true;
            try {
                carried = current;
                if (now == ConnectionMode.FIELDS) {
                    fill(ConnectionFields.of(current));
                } else {
                    uri.set(ConnectionUri.of(current, true));
                }
            } finally {
                loading = false;
            }
        }
        validate();
    }

    private ConnectionFields fields() {
        return new ConnectionFields(hosts.get(), port.get(), user.get(), password.get(), authDatabase.get(),
                tls.get(), caFile.get(), clientCertificate.get(), clientCertificatePassword.get(), replicaSet.get());
    }

    private void fill(ConnectionFields fields) {
        hosts.set(fields.hosts());
        port.set(fields.port());
        user.set(fields.user());
        password.set(fields.password());
        authDatabase.set(fields.authDatabase());
        replicaSet.set(fields.replicaSet());
        tls.set(fields.tls());
        caFile.set(fields.caFile());
        clientCertificate.set(fields.clientCertificate());
        clientCertificatePassword.set(fields.clientCertificatePassword());
    }

    /** Lets the user pick the PEM file of the CA certificates to trust. */
    public void chooseCaFile() {
        chooseFile("connection.caFile.choose", caFile,
                new FileRequest.FileType(Messages.get("connection.caFile.type"), List.of("*.pem", "*.crt", "*.cer")));
    }

    /** Lets the user pick the PKCS#12 file holding the client certificate and its key. */
    public void chooseClientCertificate() {
        chooseFile("connection.clientCertificate.choose", clientCertificate, new FileRequest.FileType(
                Messages.get("connection.clientCertificate.type"), List.of("*.p12", "*.pfx")));
    }

    private void chooseFile(String titleKey, StringProperty target, FileRequest.FileType type) {
        Path current = target.get().isBlank() ? null : Path.of(target.get().trim()).getParent();
        dialogs.chooseFileToOpen(new FileRequest(Messages.get(titleKey), current, null,
                        List.of(type, new FileRequest.FileType(Messages.get("file.all"), List.of("*")))))
                .ifPresent(file -> {
                    target.set(file.toString());
                    tls.set(true);
                });
    }

    // ---- test connection ----

    /** "Test connection": its state and result. */
    public ConnectionTester tester() {
        return tester;
    }

    /** Tests the current connection, if it is valid. */
    public void testConnection() {
        ConnectionSettings tested = settings.get();
        if (tested != null) {
            tester.test(tested);
        }
    }

    boolean isShowing(ConnectionSettings other) {
        return Objects.equals(settings.get(), other);
    }
}
