package aom.migration.ui.pages.confirm;

import aom.migration.model.SystemKind;
import aom.migration.restore.InterruptedImport;
import aom.migration.session.PlanFigures;
import aom.migration.ui.BindableView;
import aom.migration.ui.ColumnHeaders;
import aom.migration.ui.DataSizes;
import aom.migration.ui.Messages;
import aom.migration.ui.SystemControls;
import aom.migration.ui.pages.preview.PlanFiguresPane;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Map;
import java.util.OptionalLong;

/** The Confirm page: binds the choices, the drop warnings, the merge figures, the notes and the typed name. */
public class ConfirmView implements BindableView {

    @FXML
    private Label titleLabel;
    @FXML
    private Label targetLabel;
    @FXML
    private CheckBox metadataCheck;
    @FXML
    private CheckBox resetCheck;
    @FXML
    private VBox figuresBox;
    @FXML
    private Label dropSummaryLabel;
    @FXML
    private TableView<DropWarning> dropTable;
    @FXML
    private TableColumn<DropWarning, String> databaseColumn;
    @FXML
    private TableColumn<DropWarning, String> nameColumn;
    @FXML
    private TableColumn<DropWarning, String> actionColumn;
    @FXML
    private TableColumn<DropWarning, OptionalLong> nowColumn;
    @FXML
    private TableColumn<DropWarning, OptionalLong> afterColumn;
    @FXML
    private TitledPane notesPane;
    @FXML
    private ListView<PlanNote> notesList;
    @FXML
    private Label typePrompt;
    @FXML
    private TextField nameField;
    @FXML
    private Label reasonLabel;
    @FXML
    private HBox planningBox;
    @FXML
    private Hyperlink placementLink;
    @FXML
    private Label placementLabel;
    @FXML
    private HBox resumeBox;
    @FXML
    private RadioButton resumeChoice;
    @FXML
    private RadioButton startOverChoice;

    private final ConfirmViewModel viewModel;
    private final Map<SystemKind, CheckBox> systemChecks = SystemControls.checkBoxes("import");

    public ConfirmView(ConfirmViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** The systems' check boxes follow the metadata's, one per system kind. */
    @FXML
    private void initialize() {
        Pane choices = (Pane) metadataCheck.getParent();
        choices.getChildren().addAll(choices.getChildren().indexOf(metadataCheck) + 1, systemChecks.values());
    }

    @Override
    public void bind() {
        titleLabel.textProperty().bind(viewModel.titleProperty());
        targetLabel.textProperty().bind(viewModel.targetTextProperty());
        bindChoice(metadataCheck, viewModel.metadataProperty(), viewModel.metadataAvailableProperty().not());
        systemChecks.forEach((system, check) -> bindChoice(check, viewModel.systemProperty(system),
                viewModel.systemAvailableProperty(system).not()));
        resetCheck.selectedProperty().bindBidirectional(viewModel.resetPasswordsProperty());
        resetCheck.disableProperty().bind(viewModel.metadataProperty().not());
        viewModel.figuresProperty().addListener((observable, old, figures) -> showFigures(figures));
        showFigures(viewModel.figuresProperty().get());
        dropSummaryLabel.textProperty().bind(viewModel.dropSummaryProperty());
        bindDropTable();
        bindNotes();
        typePrompt.textProperty().bind(Bindings.createStringBinding(() -> Messages.format("confirm.type",
                viewModel.applicationProperty().get()), viewModel.applicationProperty()));
        nameField.textProperty().bindBidirectional(viewModel.typedNameProperty());
        nameField.promptTextProperty().bind(viewModel.applicationProperty());
        reasonLabel.textProperty().bind(viewModel.reasonProperty());
        reasonLabel.visibleProperty().bind(viewModel.reasonProperty().isNotNull());
        planningBox.visibleProperty().bind(viewModel.planningProperty());
        bindPlacementAndResume();
    }

    /** Where the application goes (name, systems), and the choice to resume an interrupted import of it. */
    private void bindPlacementAndResume() {
        placementLink.setOnAction(event -> viewModel.choosePlacement());
        placementLink.disableProperty().bind(viewModel.planningProperty());
        placementLabel.textProperty().bind(viewModel.placementTextProperty());
        placementLabel.visibleProperty().bind(viewModel.placementTextProperty().isNotEmpty());
        placementLabel.managedProperty().bind(placementLabel.visibleProperty());
        ToggleGroup resume = new ToggleGroup();
        resumeChoice.setToggleGroup(resume);
        startOverChoice.setToggleGroup(resume);
        resumeChoice.selectedProperty().bindBidirectional(viewModel.resumeProperty());
        startOverChoice.setSelected(!viewModel.resumeProperty().get());
        viewModel.resumeProperty().addListener((observable, old, now) -> startOverChoice.setSelected(!now));
        resumeChoice.textProperty().bind(Bindings.createStringBinding(() -> {
            InterruptedImport.Resumable found = viewModel.resumableProperty().get();
            return found == null ? "" : Messages.format("confirm.resume", found.complete(), found.loads());
        }, viewModel.resumableProperty()));
        resumeBox.visibleProperty().bind(viewModel.resumableProperty().isNotNull());
        resumeBox.managedProperty().bind(resumeBox.visibleProperty());
    }

    /** The notes fold away under their count, and open by themselves when one says why the import cannot start. */
    private void bindNotes() {
        notesList.setItems(viewModel.notes());
        notesList.setCellFactory(list -> new NoteCell());
        notesList.setPlaceholder(new Label(Messages.get("confirm.notes.none")));
        notesPane.textProperty().bind(Bindings.createStringBinding(() -> Messages.format("confirm.notes.title",
                viewModel.notes().size()), viewModel.notes()));
        viewModel.notes().addListener((ListChangeListener<PlanNote>) change -> {
            if (viewModel.notes().stream().anyMatch(PlanNote::isProblem)) {
                notesPane.setExpanded(true);
            }
        });
    }

    private static void bindChoice(CheckBox check, BooleanProperty chosen, BooleanExpression unavailable) {
        check.selectedProperty().bindBidirectional(chosen);
        check.disableProperty().bind(unavailable);
    }

    private void showFigures(PlanFigures figures) {
        figuresBox.getChildren().setAll(figures == null ? new VBox() : PlanFiguresPane.compact(figures));
    }

    private void bindDropTable() {
        ColumnHeaders.keepWhole(dropTable);
        dropTable.setItems(viewModel.dropWarnings());
        // "Nothing is replaced" only from a plan that says so: while planning, or after planning failed, nothing is
        // known.
        Label placeholder = new Label();
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> Messages.get(
                viewModel.planProperty().get() != null ? "confirm.drops.empty" : viewModel.planningProperty().get()
                        ? "confirm.drops.planning" : "confirm.drops.unknown"),
                viewModel.planProperty(), viewModel.planningProperty()));
        dropTable.setPlaceholder(placeholder);
        databaseColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().database()));
        nameColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().name()));
        actionColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().action()));
        nowColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().documentsNow()));
        nowColumn.setCellFactory(column -> new CountCell());
        afterColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().importDocuments()));
        afterColumn.setCellFactory(column -> new CountCell());
    }

    /** A document count; a dash where there is none (metadata entities, unknown counts). */
    private static final class CountCell extends TableCell<DropWarning, OptionalLong> {
        CountCell() {
            getStyleClass().add("number-cell");
        }

        @Override
        protected void updateItem(OptionalLong count, boolean empty) {
            super.updateItem(count, empty);
            setText(empty || count == null ? null : count.isPresent() ? DataSizes.count(count.getAsLong())
                    : "\u2014");
        }
    }

    /** A note, wrapped, with an icon for its kind; the nodes are made once per cell. */
    private static final class NoteCell extends ListCell<PlanNote> {
        private final FontIcon icon = new FontIcon();
        private final Label text = new Label();
        private final HBox line = new HBox(8, icon, text);

        NoteCell() {
            text.setWrapText(true);
        }

        @Override
        protected void updateItem(PlanNote note, boolean empty) {
            super.updateItem(note, empty);
            setText(null);
            if (empty || note == null) {
                setGraphic(null);
                return;
            }
            if (!text.prefWidthProperty().isBound()) {
                text.prefWidthProperty().bind(getListView().widthProperty().subtract(56));
            }
            text.setText(note.text());
            icon.setIconLiteral(note.isProblem() ? "mdi2a-alert-octagon-outline" : "mdi2i-information-outline");
            setGraphic(line);
        }
    }
}
