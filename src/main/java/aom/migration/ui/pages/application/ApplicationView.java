package aom.migration.ui.pages.application;

import aom.migration.model.AppRef;
import aom.migration.model.DatabaseNaming;
import aom.migration.model.SystemDatabase;
import aom.migration.model.SystemKind;
import aom.migration.ui.BindableView;
import aom.migration.ui.ColumnHeaders;
import aom.migration.ui.DataSizes;
import aom.migration.ui.HoverTooltip;
import aom.migration.ui.Messages;
import aom.migration.ui.SystemControls;
import aom.migration.ui.TwoLines;
import atlantafx.base.controls.CustomTextField;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

import java.util.Comparator;

/** The Application page: the filterable table of the source's applications. */
public class ApplicationView implements BindableView {

    /** Room for "1,234 docs" over "12.3 MB", as the FXML gives the other columns theirs. */
    private static final double SYSTEM_COLUMN_WIDTH = 105;

    @FXML
    private CustomTextField filterField;
    @FXML
    private Label statusLabel;
    @FXML
    private Button reloadButton;
    @FXML
    private TableView<AppRef> table;
    @FXML
    private TableColumn<AppRef, AppRef> nameColumn;
    @FXML
    private TableColumn<AppRef, String> ownerColumn;
    @FXML
    private TableColumn<AppRef, String> modulesColumn;
    @FXML
    private Node loadingBox;
    @FXML
    private Node errorBox;
    @FXML
    private Label errorLabel;
    @FXML
    private Button retryButton;
    @FXML
    private Label namingLabel;
    @FXML
    private Node namingChoiceBox;
    @FXML
    private RadioButton dashedChoice;
    @FXML
    private RadioButton suffixedChoice;
    @FXML
    private ProgressIndicator measuringIndicator;

    private final ApplicationViewModel viewModel;

    public ApplicationView(ApplicationViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @Override
    public void bind() {
        filterField.textProperty().bindBidirectional(viewModel.filterProperty());
        statusLabel.textProperty().bind(viewModel.statusProperty());
        reloadButton.setOnAction(event -> viewModel.reload());
        reloadButton.disableProperty().bind(viewModel.loadingProperty());
        retryButton.setOnAction(event -> viewModel.reload());
        loadingBox.visibleProperty().bind(viewModel.loadingProperty());
        errorBox.visibleProperty().bind(viewModel.loadErrorProperty().isNotNull());
        errorLabel.textProperty().bind(viewModel.loadErrorProperty());
        namingLabel.textProperty().bind(viewModel.namingReportProperty());
        bindNamingChoice();
        bindTable();
    }

    private void bindNamingChoice() {
        namingChoiceBox.visibleProperty().bind(viewModel.namingChoiceNeededProperty());
        namingChoiceBox.managedProperty().bind(namingChoiceBox.visibleProperty());
        measuringIndicator.visibleProperty().bind(viewModel.measuringProperty());
        ToggleGroup group = new ToggleGroup();
        dashedChoice.setToggleGroup(group);
        suffixedChoice.setToggleGroup(group);
        dashedChoice.setUserData(DatabaseNaming.DASHED);
        suffixedChoice.setUserData(DatabaseNaming.SUFFIXED);
        dashedChoice.setText(Messages.get("application.naming.dashed"));
        suffixedChoice.setText(Messages.get("application.naming.suffixed"));
        group.selectedToggleProperty().addListener((observable, old, toggle) -> {
            if (toggle != null) {
                viewModel.namingChoiceProperty().set((DatabaseNaming) toggle.getUserData());
            }
        });
        viewModel.namingChoiceProperty().addListener((observable, old, naming) -> group.selectToggle(
                naming == DatabaseNaming.DASHED ? dashedChoice : naming == DatabaseNaming.SUFFIXED ? suffixedChoice
                        : null));
    }

    private void bindTable() {
        table.setItems(viewModel.applications());
        table.setPlaceholder(new Label(Messages.get("application.placeholder")));
        nameColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue()));
        nameColumn.setCellFactory(column -> new NameCell());
        nameColumn.setComparator(Comparator.comparing(AppRef::name, String.CASE_INSENSITIVE_ORDER));
        ownerColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().owner()));
        ownerColumn.setCellFactory(column -> new TextCell(false));
        modulesColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(String.join(", ",
                row.getValue().modules())));
        modulesColumn.setCellFactory(column -> new TextCell(true));
        for (SystemKind system : SystemKind.values()) {
            table.getColumns().add(systemColumn(system));
        }
        ColumnHeaders.keepWhole(table);

        table.getSelectionModel().selectedItemProperty().addListener((observable, old, app) -> {
            if (app != null) {
                viewModel.selectedProperty().set(app);
            }
        });
        viewModel.selectedProperty().addListener((observable, old, app) -> select(app));
        viewModel.applications().addListener((ListChangeListener<AppRef>) change ->
                select(viewModel.selectedProperty().get()));
        select(viewModel.selectedProperty().get());
    }

    private void select(AppRef app) {
        if (app != null && table.getSelectionModel().getSelectedItem() != app) {
            table.getSelectionModel().select(app);
        }
    }

    /** A column per system kind after the modules (liveColumn, ...), so that a new kind needs no FXML. */
    private static TableColumn<AppRef, SystemDatabase> systemColumn(SystemKind system) {
        TableColumn<AppRef, SystemDatabase> column = new TableColumn<>(system.name());
        column.setId(SystemControls.id(system, "Column"));
        column.setPrefWidth(SYSTEM_COLUMN_WIDTH);
        column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().system(system).orElse(null)));
        column.setCellFactory(ignored -> new SystemCell());
        column.setComparator(Comparator.nullsFirst(Comparator.comparingLong(SystemDatabase::documents)));
        return column;
    }

    /**
     * Text in full as a tooltip should it not fit; a list may wrap onto a second line (rows have two lines anyway), a
     * name such as an e-mail address does not, as it would break inside a word.
     */
    private static final class TextCell extends TableCell<AppRef, String> {
        private final HoverTooltip whole = HoverTooltip.on(this, () -> isEmpty() ? null : getItem());

        TextCell(boolean wrap) {
            setWrapText(wrap);
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            setText(empty ? null : text);
            whole.refresh();
        }
    }

    /** The name in bold with the display name under it; the labels are made once per cell. */
    private static final class NameCell extends TableCell<AppRef, AppRef> {
        private final Label name = new Label();
        private final Label display = new Label();
        private final VBox both = new VBox(1);

        NameCell() {
            name.getStyleClass().add("text-bold");
            display.getStyleClass().addAll("text-muted", "text-small");
        }

        @Override
        protected void updateItem(AppRef app, boolean empty) {
            super.updateItem(app, empty);
            setText(null);
            if (empty || app == null) {
                setGraphic(null);
                return;
            }
            name.setText(app.name());
            display.setText(app.displayName());
            if (app.displayName().equals(app.name())) {
                both.getChildren().clear();
                setGraphic(name);
            } else {
                setGraphic(null);
                both.getChildren().setAll(name, display);
                setGraphic(both);
            }
        }
    }

    /**
     * Documents over the size of one system database, or a dash when the application has none. Two lines, as the
     * name beside it has: in one line a narrow window cut the size ("1.5 ...").
     */
    private static final class SystemCell extends TableCell<AppRef, SystemDatabase> {
        private final HoverTooltip where = HoverTooltip.on(this, () -> isEmpty() || getItem() == null ? null
                : Messages.format("application.systemTooltip", getItem().database(), getItem().collections()));
        private final TwoLines lines = new TwoLines();

        @Override
        protected void updateItem(SystemDatabase database, boolean empty) {
            super.updateItem(database, empty);
            setGraphic(null);
            getStyleClass().remove("text-subtle");
            where.refresh();
            if (empty) {
                setText(null);
            } else if (database == null) {
                setText("\u2014");
                getStyleClass().add("text-subtle");
            } else {
                setText(null);
                setGraphic(lines.show(Messages.format("application.systemCell.documents",
                        DataSizes.count(database.documents())), DataSizes.bytes(database.dataBytes())));
            }
        }
    }
}
