package aom.migration.ui.pages.connections;

import aom.migration.model.SystemKind;
import aom.migration.ui.AttachedWhile;
import aom.migration.ui.BindableView;
import aom.migration.ui.Messages;
import aom.migration.ui.ProblemDecorations;
import aom.migration.ui.SystemControls;
import aom.migration.ui.pages.connections.FieldProblems.Field;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** One connection form: binds every input to its ViewModel property and shows problems and test results. */
public class ConnectionFormView implements BindableView {

    @FXML
    private VBox root;
    @FXML
    private FontIcon roleIcon;
    @FXML
    private Label titleLabel;
    @FXML
    private Label descriptionLabel;
    @FXML
    private ToggleButton uriMode;
    @FXML
    private ToggleButton fieldsMode;
    @FXML
    private ComboBox<ConnectionProfile> profiles;
    @FXML
    private Button saveProfileButton;
    @FXML
    private Node uriPane;
    @FXML
    private TextField uriField;
    @FXML
    private Node fieldsPane;
    @FXML
    private TextField hostsField;
    @FXML
    private TextField portField;
    @FXML
    private TextField userField;
    @FXML
    private PasswordField passwordField;
    @FXML
    private TextField authDatabaseField;
    @FXML
    private TextField replicaSetField;
    @FXML
    private CheckBox tlsCheck;
    @FXML
    private TextField caFileField;
    @FXML
    private Button caFileButton;
    @FXML
    private TextField clientCertificateField;
    @FXML
    private Button clientCertificateButton;
    @FXML
    private PasswordField clientCertificatePasswordField;
    @FXML
    private CheckBox rememberPasswordCheck;
    @FXML
    private Label problemLabel;
    @FXML
    private TitledPane instanceHostsPane;
    @FXML
    private CheckBox separateHostsCheck;
    @FXML
    private GridPane instanceHostsGrid;
    @FXML
    private Button testButton;
    @FXML
    private ProgressIndicator testProgress;
    @FXML
    private Label testingLabel;
    @FXML
    private VBox testResultBox;
    @FXML
    private Label testResultTitle;
    @FXML
    private Label testResultText;

    private final ConnectionFormViewModel viewModel;
    private final SavedConnections saved;
    private final ProblemDecorations decorations = new ProblemDecorations();

    public ConnectionFormView(ConnectionFormViewModel viewModel, SavedConnections saved) {
        this.viewModel = viewModel;
        this.saved = saved;
    }

    @Override
    public void bind() {
        ConnectionRole role = viewModel.role();
        root.setId(role == ConnectionRole.SOURCE ? "sourceForm" : "targetForm");
        roleIcon.setIconLiteral(role == ConnectionRole.SOURCE ? "mdi2d-database-export" : "mdi2d-database-import");
        titleLabel.setText(Messages.get(role.titleKey()));
        descriptionLabel.setText(Messages.get(role.descriptionKey()));
        bindMode();
        bindInputs();
        bindProfiles();
        bindInstanceHosts();
        bindTest();
    }

    private void bindMode() {
        ToggleGroup modes = new ToggleGroup();
        uriMode.setToggleGroup(modes);
        fieldsMode.setToggleGroup(modes);
        uriMode.setUserData(ConnectionMode.URI);
        fieldsMode.setUserData(ConnectionMode.FIELDS);
        modes.selectToggle(viewModel.modeProperty().get() == ConnectionMode.URI ? uriMode : fieldsMode);
        modes.selectedToggleProperty().addListener((observable, old, now) -> {
            if (now == null) {
                modes.selectToggle(old);
            } else {
                viewModel.modeProperty().set((ConnectionMode) now.getUserData());
            }
        });
        viewModel.modeProperty().addListener((observable, old, mode) ->
                modes.selectToggle(mode == ConnectionMode.URI ? uriMode : fieldsMode));
        // The other mode's inputs are left out of the scene, not just hidden: a dozen text fields cost their skins.
        AttachedWhile.bind(uriPane, viewModel.modeProperty().isEqualTo(ConnectionMode.URI));
        AttachedWhile.bind(fieldsPane, viewModel.modeProperty().isEqualTo(ConnectionMode.FIELDS));
    }

    private void bindInputs() {
        uriField.textProperty().bindBidirectional(viewModel.uriProperty());
        hostsField.textProperty().bindBidirectional(viewModel.hostsProperty());
        portField.textProperty().bindBidirectional(viewModel.portProperty());
        userField.textProperty().bindBidirectional(viewModel.userProperty());
        passwordField.textProperty().bindBidirectional(viewModel.passwordProperty());
        authDatabaseField.textProperty().bindBidirectional(viewModel.authDatabaseProperty());
        replicaSetField.textProperty().bindBidirectional(viewModel.replicaSetProperty());
        tlsCheck.selectedProperty().bindBidirectional(viewModel.tlsProperty());
        caFileField.textProperty().bindBidirectional(viewModel.caFileProperty());
        clientCertificateField.textProperty().bindBidirectional(viewModel.clientCertificateProperty());
        clientCertificatePasswordField.textProperty()
                .bindBidirectional(viewModel.clientCertificatePasswordProperty());
        caFileButton.setOnAction(event -> viewModel.chooseCaFile());
        clientCertificateButton.setOnAction(event -> viewModel.chooseClientCertificate());

        decorations.show(uriField, viewModel.problemProperty(Field.URI));
        decorations.show(hostsField, viewModel.problemProperty(Field.HOSTS));
        decorations.show(portField, viewModel.problemProperty(Field.PORT));
        decorations.show(userField, viewModel.problemProperty(Field.USER));
        decorations.show(passwordField, viewModel.problemProperty(Field.PASSWORD));
        decorations.show(caFileField, viewModel.problemProperty(Field.CA_FILE));
        decorations.show(clientCertificateField, viewModel.problemProperty(Field.CLIENT_CERTIFICATE));
        problemLabel.textProperty().bind(viewModel.problemSummaryProperty());
        problemLabel.visibleProperty().bind(viewModel.problemSummaryProperty().isNotEmpty());
        problemLabel.managedProperty().bind(problemLabel.visibleProperty());
    }

    private void bindProfiles() {
        profiles.setItems(saved.profiles());
        profiles.setOnAction(event -> {
            ConnectionProfile chosen = profiles.getValue();
            if (chosen != null) {
                viewModel.loadProfile(chosen);
            }
        });
        rememberPasswordCheck.selectedProperty().bindBidirectional(viewModel.rememberPasswordProperty());
        saveProfileButton.setOnAction(event -> viewModel.saveProfile());
        saveProfileButton.disableProperty().bind(viewModel.validProperty().not());
    }

    private void bindInstanceHosts() {
        separateHostsCheck.selectedProperty().bindBidirectional(viewModel.separateInstanceHostsProperty());
        instanceHostsGrid.disableProperty().bind(separateHostsCheck.selectedProperty().not());
        for (SystemKind system : SystemKind.values()) {
            instanceHostsGrid.addRow(instanceHostsGrid.getRowCount(), new Label(system.name()),
                    instanceHostField(system));
        }
        // Its inputs join the scene when the pane is first opened: most connections never need them.
        Node hosts = instanceHostsPane.getContent();
        instanceHostsPane.setContent(null);
        instanceHostsPane.expandedProperty().addListener((observable, old, expanded) -> {
            if (expanded && instanceHostsPane.getContent() == null) {
                instanceHostsPane.setContent(hosts);
            }
        });
        if (viewModel.separateInstanceHostsProperty().get()) {
            instanceHostsPane.setExpanded(true);
        }
        viewModel.separateInstanceHostsProperty().addListener((observable, old, on) -> {
            if (on) {
                instanceHostsPane.setExpanded(true);
            }
        });
    }

    /** A host field per system kind (liveHostField, ...), so that a new kind needs no FXML. */
    private TextField instanceHostField(SystemKind system) {
        TextField field = new TextField();
        field.setId(SystemControls.id(system, "HostField"));
        field.setPromptText(Messages.get("connection.instanceHosts.prompt"));
        field.textProperty().bindBidirectional(viewModel.instanceUriProperty(system));
        decorations.show(field, viewModel.instanceProblemProperty(system));
        return field;
    }

    private void bindTest() {
        testButton.setOnAction(event -> viewModel.testConnection());
        testButton.disableProperty().bind(viewModel.validProperty().not().or(viewModel.tester().testingProperty()));
        testProgress.visibleProperty().bind(viewModel.tester().testingProperty());
        testingLabel.visibleProperty().bind(viewModel.tester().testingProperty());
        testResultBox.visibleProperty().bind(viewModel.tester().resultProperty().isNotNull()
                .or(viewModel.tester().errorProperty().isNotNull()));
        testResultBox.managedProperty().bind(testResultBox.visibleProperty());
        testResultTitle.textProperty().bind(Bindings.createStringBinding(() -> {
            if (viewModel.tester().errorProperty().get() != null) {
                return Messages.get("connection.test.failed");
            }
            ConnectionCheck found = viewModel.tester().resultProperty().get();
            return found == null ? "" : Messages.format("connection.test.ok", found.server());
        }, viewModel.tester().resultProperty(), viewModel.tester().errorProperty()));
        testResultText.textProperty().bind(Bindings.createStringBinding(() -> {
            if (viewModel.tester().errorProperty().get() != null) {
                return viewModel.tester().errorProperty().get();
            }
            ConnectionCheck found = viewModel.tester().resultProperty().get();
            if (found == null) {
                return "";
            }
            return found.applications().isEmpty() ? Messages.get("connection.test.noApplications")
                    : Messages.format("connection.test.applications", found.applications().size(),
                    String.join(", ", found.applications()));
        }, viewModel.tester().resultProperty(), viewModel.tester().errorProperty()));
        viewModel.tester().errorProperty().addListener((observable, old, error) -> {
            testResultBox.getStyleClass().removeAll("test-ok", "test-failed");
            testResultBox.getStyleClass().add(error != null ? "test-failed" : "test-ok");
        });
        viewModel.tester().resultProperty().addListener((observable, old, found) -> {
            if (found != null) {
                testResultBox.getStyleClass().removeAll("test-ok", "test-failed");
                testResultBox.getStyleClass().add("test-ok");
            }
        });
    }
}
