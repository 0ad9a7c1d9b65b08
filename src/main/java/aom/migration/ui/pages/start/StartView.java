package aom.migration.ui.pages.start;

import aom.migration.ui.BindableView;
import aom.migration.ui.Language;
import aom.migration.ui.Messages;
import aom.migration.ui.wizard.WizardFlow;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.util.StringConverter;

import java.util.Map;

/** The Start page: binds the mode cards, the bundle row, the recent list and the demo card to the ViewModel. */
public class StartView implements BindableView {

    @FXML
    private ToggleButton exportMode;
    @FXML
    private ToggleButton importMode;
    @FXML
    private ToggleButton migrateMode;
    @FXML
    private Node bundleRow;
    @FXML
    private Label bundleLabel;
    @FXML
    private Button chooseBundleButton;
    @FXML
    private ListView<RecentBundleItem> recentBundles;
    @FXML
    private Button demoButton;
    @FXML
    private ProgressIndicator demoProgress;
    @FXML
    private Label demoStatus;
    @FXML
    private Label versionLabel;
    @FXML
    private ComboBox<Language> languageChoice;

    private final StartViewModel viewModel;

    public StartView(StartViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @Override
    public void bind() {
        bindModes();
        bundleRow.visibleProperty().bind(viewModel.flowProperty().isEqualTo(WizardFlow.IMPORT));
        bundleRow.managedProperty().bind(bundleRow.visibleProperty());
        bundleLabel.textProperty().bind(Bindings.createStringBinding(() -> viewModel.bundleToImportProperty()
                        .get() == null ? Messages.get("start.noBundle") : viewModel.bundleToImportProperty().get()
                        .toString(), viewModel.bundleToImportProperty()));
        chooseBundleButton.setOnAction(event -> viewModel.chooseBundle());

        recentBundles.setItems(viewModel.recentBundles());
        recentBundles.setCellFactory(list -> new RecentBundleCell());
        recentBundles.setPlaceholder(new Label(Messages.get("start.recent.none")));
        recentBundles.getSelectionModel().selectedItemProperty()
                .addListener((observable, old, item) -> viewModel.selectRecent(item));
        recentBundles.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                viewModel.openRecent(recentBundles.getSelectionModel().getSelectedItem());
            }
        });
        recentBundles.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER && recentBundles.getSelectionModel().getSelectedItem() != null) {
                viewModel.openRecent(recentBundles.getSelectionModel().getSelectedItem());
                event.consume();
            }
        });

        demoButton.setOnAction(event -> viewModel.startDemo());
        demoButton.disableProperty().bind(viewModel.demoStateProperty().isEqualTo(StartViewModel.DemoState.STARTING));
        demoProgress.visibleProperty().bind(demoButton.disableProperty());
        demoStatus.textProperty().bind(viewModel.demoStatusProperty());
        // No room kept for a status while there is none: the page must fit a laptop's window without scrolling.
        demoStatus.managedProperty().bind(viewModel.demoStatusProperty().isNotEmpty());
        versionLabel.setText(viewModel.versionText());
        bindLanguage();
    }

    private void bindLanguage() {
        languageChoice.getItems().setAll(Language.values());
        languageChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Language language) {
                return language == null ? "" : language.displayName();
            }

            @Override
            public Language fromString(String text) {
                return null;
            }
        });
        languageChoice.setValue(viewModel.languageProperty().get());
        languageChoice.setOnAction(event -> viewModel.languageProperty().set(languageChoice.getValue()));
    }

    private void bindModes() {
        ToggleGroup modes = new ToggleGroup();
        Map<WizardFlow, ToggleButton> buttons = Map.of(WizardFlow.EXPORT, exportMode, WizardFlow.IMPORT, importMode,
                WizardFlow.MIGRATE, migrateMode);
        buttons.forEach((flow, button) -> {
            button.setUserData(flow);
            button.setToggleGroup(modes);
        });
        modes.selectToggle(buttons.get(viewModel.flowProperty().get()));
        modes.selectedToggleProperty().addListener((observable, old, now) -> {
            if (now == null) {
                // A mode card cannot be switched off, only another one on.
                modes.selectToggle(old);
            } else {
                viewModel.chooseFlow((WizardFlow) now.getUserData());
            }
        });
        viewModel.flowProperty().addListener((observable, old, flow) -> {
            Toggle wanted = buttons.get(flow);
            if (modes.getSelectedToggle() != wanted) {
                modes.selectToggle(wanted);
            }
        });
    }
}
