package aom.migration.ui.pages.connections;

import aom.migration.model.SystemKind;
import aom.migration.mongo.ConnectionSettings;
import aom.migration.mongo.InvalidConnectionException;
import aom.migration.ui.Messages;
import aom.migration.ui.dialog.DialogService;
import aom.migration.ui.dialog.ErrorText;
import aom.migration.ui.dialog.FileRequest;
import aom.migration.ui.task.BackgroundTask;
import aom.migration.ui.task.TaskExecutor;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
    private final ReadOnlyStringWrapper problemSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();

    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<ConnectionCheck> testResult = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper testError = new ReadOnlyStringWrapper();
    private BackgroundTask<ConnectionCheck> currentTest;

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
        for (SystemKind system : SystemKind.values()) {
            instanceUris.put(system, new SimpleStringProperty(""));
        }
        List<Observable> inputs = new ArrayList<>(List.of(uri, hosts, port, user, password, authDatabase,
                replicaSet, tls, caFile, clientCertificate, clientCertificatePassword, separateInstanceHosts));
        inputs.addAll(instanceUris.values());
        inputs.forEach(input -> input.addListener(observable -> validate()));
        mode.addListener((observable, old, now) -> switchMode(now));
        settings.addListener((observable, old, now) -> forgetTest());
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

    /** The connection, or {@code null} while something is invalid. */
    public ReadOnlyObjectProperty<ConnectionSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public ConnectionSettings getSettings() {
        return settings.get();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** Every problem, as sentences; empty when the connection can be tried. */
    public ObservableList<String> problems() {
        return FXCollections.unmodifiableObservableList(problems);
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
        fieldProblems.clear();
        List<String> found = new ArrayList<>();
        ConnectionSettings parsed = mode.get() == ConnectionMode.URI ? parseUri(found) : parseFields(found);
        lastParsed = parsed;
        if (parsed != null) {
            List<String> own = problemsWithoutFiles(parsed);
            found.addAll(own);
            if (mode.get() == ConnectionMode.URI && !own.isEmpty()) {
                fieldProblems.set(FieldProblems.Field.URI, String.join("\n", own));
            } else if (mode.get() == ConnectionMode.FIELDS) {
                markCredentials(parsed, own);
            }
            found.addAll(fileCheck.problems(parsed, fieldProblems, mode.get()));
        }
        validateInstanceHosts(found);
        fieldProblems.apply();
        problems.setAll(found);
        problemSummary.set(String.join("\n", found));
        boolean ok = parsed != null && found.isEmpty() && fileCheck.isCheckedFor(parsed);
        settings.set(ok ? parsed : null);
        valid.set(ok);
        if (parsed != null && !fileCheck.isCheckedFor(parsed)) {
            fileCheck.start(parsed);
        }
    }

    private ConnectionSettings parseUri(List<String> found) {
        try {
            return ConnectionSettings.fromUri(uri.get());
        } catch (InvalidConnectionException e) {
            fieldProblems.set(FieldProblems.Field.URI, e.getMessage());
            found.add(e.getMessage());
            return null;
        }
    }

    private ConnectionSettings parseFields(List<String> found) {
        ConnectionFields.Parsed parsed = fields().parse(carried);
        fieldProblems.set(FieldProblems.Field.HOSTS, parsed.hostsProblem());
        fieldProblems.set(FieldProblems.Field.PORT, parsed.portProblem());
        fieldProblems.set(FieldProblems.Field.CA_FILE, parsed.caFileProblem());
        fieldProblems.set(FieldProblems.Field.CLIENT_CERTIFICATE, parsed.clientCertificateProblem());
        for (String problem : new String[] {parsed.hostsProblem(), parsed.portProblem(), parsed.caFileProblem(),
                parsed.clientCertificateProblem()}) {
            if (problem != null) {
                found.add(problem);
            }
        }
        return parsed.settings();
    }

    private void markCredentials(ConnectionSettings parsed, List<String> own) {
        if (parsed.username() == null && parsed.password() != null) {
            fieldProblems.set(FieldProblems.Field.USER, Messages.get("connection.user.missing"));
        } else if (parsed.username() != null && parsed.password() == null && !own.isEmpty()) {
            fieldProblems.set(FieldProblems.Field.PASSWORD,
                    Messages.format("connection.password.missing", parsed.username()));
        }
    }

    private void validateInstanceHosts(List<String> found) {
        if (!separateInstanceHosts.get()) {
            return;
        }
        instanceUris.forEach((system, text) -> {
            if (text.get().isBlank()) {
                return;
            }
            String problem;
            try {
                List<String> own = problemsWithoutFiles(ConnectionSettings.fromUri(text.get()));
                problem = own.isEmpty() ? null : String.join("; ", own);
            } catch (InvalidConnectionException e) {
                problem = e.getMessage();
            }
            if (problem != null) {
                fieldProblems.setInstance(system, problem);
                found.add(system + ": " + problem);
            }
        });
    }

    /**
     * The settings' own problems except whether the TLS files are readable: that is file work, which
     * {@link TlsFileCheck} does in the background.
     */
    static List<String> problemsWithoutFiles(ConnectionSettings parsed) {
        ConnectionSettings withoutFiles = new ConnectionSettings(parsed.hosts(), parsed.srv(), parsed.username(),
                parsed.password(), parsed.authDatabase(), parsed.tls(), null, null,
                parsed.tlsClientCertificatePassword(), parsed.tlsAllowInvalidHostnames(), parsed.replicaSet(),
                parsed.serverSelectionTimeout(), parsed.extraOptions());
        List<String> problems = new ArrayList<>(withoutFiles.problems());
        if ((parsed.tlsCaFile() != null || parsed.tlsClientCertificate() != null) && !parsed.tls()) {
            problems.add(Messages.get("connection.tls.off"));
        }
        return problems;
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

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    /** What the last test found, or {@code null}. */
    public ReadOnlyObjectProperty<ConnectionCheck> testResultProperty() {
        return testResult.getReadOnlyProperty();
    }

    /** Why the last test failed, as a sentence, or {@code null}. */
    public ReadOnlyStringProperty testErrorProperty() {
        return testError.getReadOnlyProperty();
    }

    /** Connects in the background and reports the server and its applications, or a readable error. */
    public void testConnection() {
        ConnectionSettings tested = settings.get();
        if (tested == null) {
            return;
        }
        forgetTest();
        testing.set(true);
        BackgroundTask<ConnectionCheck> test = BackgroundTask.of((progress, cancel) -> ConnectionCheck.run(tested));
        currentTest = test;
        executor.execute(test
                .onSuccess(found -> {
                    if (currentTest == test) {
                        testResult.set(found);
                    }
                })
                .onFailure(error -> {
                    if (currentTest == test) {
                        testError.set(ErrorText.readable(error));
                    }
                })
                .onFinished(() -> {
                    if (currentTest == test) {
                        testing.set(false);
                        currentTest = null;
                    }
                }));
    }

    /** Drops the result of a test when the connection it tested was changed; a running test is left to end. */
    private void forgetTest() {
        if (currentTest != null) {
            currentTest.cancel();
            currentTest = null;
        }
        testing.set(false);
        testResult.set(null);
        testError.set(null);
    }

    boolean isShowing(ConnectionSettings other) {
        return Objects.equals(settings.get(), other);
    }

    /** Readable problems of the TLS files, checked off the FX thread. */
    static final class TlsFileCheck {

        private final TaskExecutor executor;
        private final Runnable onChecked;
        private List<Path> checkedFiles;
        private List<Path> pendingFiles;
        private String caProblem;
        private String certificateProblem;

        TlsFileCheck(TaskExecutor executor, Runnable onChecked) {
            this.executor = executor;
            this.onChecked = onChecked;
        }

        boolean isCheckedFor(ConnectionSettings parsed) {
            List<Path> files = files(parsed);
            return files.stream().allMatch(Objects::isNull) || files.equals(checkedFiles);
        }

        /** The problems found for {@code parsed}'s files, if they were checked; also marks the fields. */
        List<String> problems(ConnectionSettings parsed, FieldProblems fields, ConnectionMode mode) {
            List<String> found = new ArrayList<>();
            if (!isCheckedFor(parsed)) {
                return found;
            }
            if (caProblem != null) {
                found.add(caProblem);
                fields.set(mode == ConnectionMode.URI ? FieldProblems.Field.URI : FieldProblems.Field.CA_FILE,
                        caProblem);
            }
            if (certificateProblem != null) {
                found.add(certificateProblem);
                fields.set(mode == ConnectionMode.URI ? FieldProblems.Field.URI
                        : FieldProblems.Field.CLIENT_CERTIFICATE, certificateProblem);
            }
            return found;
        }

        void start(ConnectionSettings parsed) {
            List<Path> files = files(parsed);
            if (files.equals(pendingFiles)) {
                return;
            }
            pendingFiles = files;
            executor.execute(BackgroundTask.of((progress, cancel) -> new String[] {
                            unreadable(parsed.tlsCaFile(), "connection.caFile.unreadable"),
                            unreadable(parsed.tlsClientCertificate(), "connection.clientCertificate.unreadable")})
                    .onSuccess(result -> {
                        pendingFiles = null;
                        checkedFiles = files;
                        caProblem = result[0];
                        certificateProblem = result[1];
                        onChecked.run();
                    }));
        }

        private static String unreadable(Path file, String key) {
            return file == null || Files.isReadable(file) ? null : Messages.format(key, file);
        }

        private static List<Path> files(ConnectionSettings parsed) {
            return Arrays.asList(parsed.tlsCaFile(), parsed.tlsClientCertificate());
        }
    }
}
