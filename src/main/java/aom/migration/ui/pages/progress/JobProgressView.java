package aom.migration.ui.pages.progress;

import aom.migration.progress.ProgressEvent;
import aom.migration.ui.DataSizes;
import aom.migration.ui.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The progress part of the Export and Import pages: phase steps, the overall bar with its figures, the table of
 * collections and the live log, bound to a {@link JobProgressViewModel}.
 */
public class JobProgressView {

    @FXML
    private HBox stepsBox;
    @FXML
    private ProgressBar progressBar;
    @FXML
    private Label percentLabel;
    @FXML
    private Label phaseLabel;
    @FXML
    private Label amountLabel;
    @FXML
    private Label documentRateLabel;
    @FXML
    private Label byteRateLabel;
    @FXML
    private Label etaLabel;
    @FXML
    private TableView<CollectionRow> collectionTable;
    @FXML
    private TableColumn<CollectionRow, String> databaseColumn;
    @FXML
    private TableColumn<CollectionRow, String> collectionColumn;
    @FXML
    private TableColumn<CollectionRow, CollectionRow> documentsColumn;
    @FXML
    private TableColumn<CollectionRow, Number> sizeColumn;
    @FXML
    private TableColumn<CollectionRow, Number> progressColumn;
    @FXML
    private TableColumn<CollectionRow, RowState> stateColumn;
    @FXML
    private ListView<ProgressEvent> logList;

    private final JobProgressViewModel viewModel;

    public JobProgressView(JobProgressViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        progressBar.progressProperty().bind(viewModel.progressProperty());
        percentLabel.textProperty().bind(viewModel.percentProperty());
        phaseLabel.textProperty().bind(viewModel.phaseProperty());
        amountLabel.textProperty().bind(viewModel.amountProperty());
        documentRateLabel.textProperty().bind(viewModel.documentRateProperty());
        byteRateLabel.textProperty().bind(viewModel.byteRateProperty());
        etaLabel.textProperty().bind(Bindings.createStringBinding(() -> viewModel.etaProperty().get().isEmpty() ? ""
                : Messages.format("progress.eta", viewModel.etaProperty().get()), viewModel.etaProperty()));
        etaLabel.visibleProperty().bind(viewModel.etaProperty().isNotEmpty());
        documentRateLabel.visibleProperty().bind(viewModel.documentRateProperty().isNotEmpty());
        byteRateLabel.visibleProperty().bind(viewModel.byteRateProperty().isNotEmpty());
        viewModel.phases().forEach(step -> stepsBox.getChildren().add(new PhaseChip(step)));
        bindTable();
        bindLog();
    }

    private void bindTable() {
        collectionTable.setItems(viewModel.rows());
        collectionTable.setPlaceholder(new Label(Messages.get("progress.noCollections")));
        databaseColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().database()));
        collectionColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().collection()));
        documentsColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue()));
        documentsColumn.setCellFactory(column -> new DocumentsCell());
        sizeColumn.setCellValueFactory(row -> row.getValue().bytesProperty());
        sizeColumn.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(Number bytes, boolean empty) {
                super.updateItem(bytes, empty);
                setText(empty || bytes == null ? null : DataSizes.bytes(bytes.longValue()));
            }
        });
        progressColumn.setCellValueFactory(row -> row.getValue().fractionProperty());
        progressColumn.setCellFactory(column -> new BarCell());
        stateColumn.setCellValueFactory(row -> row.getValue().stateProperty());
        stateColumn.setCellFactory(column -> new StateCell());
    }

    private void bindLog() {
        logList.setItems(viewModel.log());
        logList.setPlaceholder(new Label(Messages.get("progress.log.empty")));
        logList.setCellFactory(list -> new LogCell());
        viewModel.log().addListener((ListChangeListener<ProgressEvent>) change -> {
            if (!viewModel.log().isEmpty()) {
                logList.scrollTo(viewModel.log().size() - 1);
            }
        });
    }

    /** One phase: an icon for its state and its name. */
    private static final class PhaseChip extends Label {

        PhaseChip(PhaseStep step) {
            super(step.label());
            setId("phase-" + step.phase().name());
            getStyleClass().add("phase-chip");
            show(step.getState());
            step.stateProperty().addListener((observable, old, state) -> show(state));
        }

        private void show(StepState state) {
            getStyleClass().removeIf(style -> style.startsWith("phase-chip-"));
            getStyleClass().add("phase-chip-" + state.name().toLowerCase());
            setGraphic(new FontIcon(switch (state) {
                case PENDING -> "mdi2c-circle-outline";
                case ACTIVE -> "mdi2p-play-circle";
                case DONE -> "mdi2c-check-circle";
                case SKIPPED -> "mdi2m-minus-circle-outline";
                case STOPPED -> "mdi2c-close-circle";
            }));
        }
    }

    /** "24 of 24", or the count alone while the total is unknown. */
    private static final class DocumentsCell extends TableCell<CollectionRow, CollectionRow> {
        @Override
        protected void updateItem(CollectionRow row, boolean empty) {
            super.updateItem(row, empty);
            textProperty().unbind();
            if (empty || row == null) {
                setText(null);
                return;
            }
            textProperty().bind(Bindings.createStringBinding(() -> row.documentsTotalProperty().get() < 0
                            ? DataSizes.count(row.documentsProperty().get())
                            : Messages.format("progress.row.documents", DataSizes.count(row.documentsProperty().get()),
                            DataSizes.count(row.documentsTotalProperty().get())),
                    row.documentsProperty(), row.documentsTotalProperty()));
        }
    }

    /** A small bar per collection. */
    private static final class BarCell extends TableCell<CollectionRow, Number> {
        private final ProgressBar bar = new ProgressBar();

        BarCell() {
            bar.setMaxWidth(Double.MAX_VALUE);
            bar.getStyleClass().add("small");
        }

        @Override
        protected void updateItem(Number fraction, boolean empty) {
            super.updateItem(fraction, empty);
            if (empty || fraction == null) {
                setGraphic(null);
                return;
            }
            bar.setProgress(fraction.doubleValue() < 0 ? 0 : fraction.doubleValue());
            setGraphic(bar);
        }
    }

    /** The state in words with an icon. */
    private static final class StateCell extends TableCell<CollectionRow, RowState> {
        @Override
        protected void updateItem(RowState state, boolean empty) {
            super.updateItem(state, empty);
            getStyleClass().removeIf(style -> style.startsWith("row-state-"));
            if (empty || state == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(Messages.get("progress.row." + state.name()));
            getStyleClass().add("row-state-" + state.name().toLowerCase());
            setGraphic(new FontIcon(switch (state) {
                case RUNNING -> "mdi2p-progress-clock";
                case DONE, INDEXED -> "mdi2c-check";
                case VERIFIED -> "mdi2c-check-all";
                case CANCELLED -> "mdi2c-cancel";
                case STOPPED -> "mdi2a-alert-circle-outline";
            }));
        }
    }

    /** A log line: the phase, the message, warnings and errors marked. */
    private static final class LogCell extends ListCell<ProgressEvent> {
        @Override
        protected void updateItem(ProgressEvent event, boolean empty) {
            super.updateItem(event, empty);
            getStyleClass().removeAll("log-warning", "log-error");
            if (empty || event == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            String phase = event.phase() == null ? "" : Messages.get("phase." + event.phase().name());
            setText(Messages.format("progress.log.line", phase, event.message()));
            setTooltip(new Tooltip(event.message()));
            switch (event.level()) {
                case WARNING -> {
                    getStyleClass().add("log-warning");
                    setGraphic(new FontIcon("mdi2a-alert-outline"));
                }
                case ERROR -> {
                    getStyleClass().add("log-error");
                    setGraphic(new FontIcon("mdi2a-alert-circle-outline"));
                }
                default -> setGraphic(new FontIcon("mdi2i-information-outline"));
            }
        }
    }
}
