package aom.migration.ui.pages.progress;

import aom.migration.progress.ProgressEvent;
import aom.migration.ui.BindableView;
import aom.migration.ui.ColumnHeaders;
import aom.migration.ui.EngineText;
import aom.migration.ui.Messages;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;


/**
 * The progress part of the Export and Import pages: phase steps, the overall bar with its figures, the table of
 * collections and the live log, bound to a {@link JobProgressViewModel}.
 */
public class JobProgressView implements BindableView {

    /** The list's padding, the icon and the scroll bar: what the text of a log line cannot use. */
    private static final double LOG_INSET = 60;
    /** Further than any log can be tall: scrolling by it lands at the end. */
    private static final double LOG_END = 1e7;

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
    private TableColumn<CollectionRow, String> documentsColumn;
    @FXML
    private TableColumn<CollectionRow, String> sizeColumn;
    @FXML
    private TableColumn<CollectionRow, Number> progressColumn;
    @FXML
    private TableColumn<CollectionRow, RowState> stateColumn;
    @FXML
    private ListView<ProgressEvent> logList;

    private final JobProgressViewModel viewModel;
    private boolean followingRows;
    private boolean followingLog;

    public JobProgressView(JobProgressViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @Override
    public void bind() {
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
        // Rows stay where they are, in the order the job reached them, and change in place; the table follows the
        // newest, so that the collections at work are in view.
        ColumnHeaders.keepWhole(collectionTable);
        collectionTable.setItems(viewModel.rows());
        viewModel.rows().addListener((ListChangeListener<CollectionRow>) change -> followNewestRow());
        collectionTable.setPlaceholder(new Label(Messages.get("progress.noCollections")));
        databaseColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().database()));
        collectionColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().collection()));
        documentsColumn.setCellValueFactory(row -> row.getValue().documentsTextProperty());
        sizeColumn.setCellValueFactory(row -> row.getValue().sizeTextProperty());
        progressColumn.setCellValueFactory(row -> row.getValue().fractionProperty());
        progressColumn.setCellFactory(column -> new BarCell());
        stateColumn.setCellValueFactory(row -> row.getValue().stateProperty());
        stateColumn.setCellFactory(column -> new StateCell(viewModel.kind()));
    }

    private void followNewestRow() {
        if (!followingRows && !viewModel.rows().isEmpty()) {
            // Once per batch of new rows, after the table has taken them in.
            followingRows = true;
            Platform.runLater(() -> {
                followingRows = false;
                // Scrolls only when the newest row is out of view, and only as far as needed.
                if (collectionTable.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
                    flow.scrollTo(viewModel.rows().size() - 1);
                }
            });
        }
    }

    private void bindLog() {
        logList.setItems(viewModel.log());
        logList.setPlaceholder(new Label(Messages.get("progress.log.empty")));
        logList.setCellFactory(list -> new LogCell());
        viewModel.log().addListener((ListChangeListener<ProgressEvent>) change -> scrollLogToEnd());
    }

    private void scrollLogToEnd() {
        if (followingLog) {
            return;
        }
        followingLog = true;
        // After the list has laid out the new lines; scrolling at once may stop short of the last one.
        Platform.runLater(() -> {
            followingLog = false;
            if (!viewModel.log().isEmpty()) {
                logList.scrollTo(viewModel.log().size() - 1);
                // Wrapped lines are taller than the list estimates: scroll on to the very end.
                if (logList.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
                    flow.scrollPixels(LOG_END);
                }
            }
        });
    }

    /** One phase: an icon for its state and its name. */
    private static final class PhaseChip extends Label {
        private final FontIcon icon = new FontIcon();

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
            icon.setIconLiteral(switch (state) {
                case PENDING -> "mdi2c-circle-outline";
                case ACTIVE -> "mdi2p-play-circle";
                case DONE -> "mdi2c-check-circle";
                case SKIPPED -> "mdi2m-minus-circle-outline";
                case STOPPED -> "mdi2c-close-circle";
            });
            setGraphic(icon);
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

    /** The state in words with an icon; the icon and the style change only when the state does. */
    private static final class StateCell extends TableCell<CollectionRow, RowState> {
        private final JobKind kind;
        private final FontIcon icon = new FontIcon();
        private RowState shown;

        StateCell(JobKind kind) {
            this.kind = kind;
        }

        @Override
        protected void updateItem(RowState state, boolean empty) {
            super.updateItem(state, empty);
            RowState now = empty ? null : state;
            if (now == shown) {
                return;
            }
            if (shown != null) {
                getStyleClass().remove("row-state-" + shown.name().toLowerCase());
            }
            shown = now;
            if (now == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            // Done means written into the bundle for an export, loaded into staging for an import.
            setText(Messages.get("progress.row." + now.name() + (now == RowState.DONE ? "." + kind.name() : "")));
            getStyleClass().add("row-state-" + now.name().toLowerCase());
            icon.setIconLiteral(switch (now) {
                case RUNNING -> "mdi2p-progress-clock";
                case DONE, INDEXED -> "mdi2c-check";
                case VERIFIED -> "mdi2c-check-all";
                case CANCELLED -> "mdi2c-cancel";
                case STOPPED -> "mdi2a-alert-circle-outline";
            });
            setGraphic(icon);
        }
    }

    /**
     * A log line in the wizard's language: the phase and the message, or for a warning or error that word and the
     * message (the phase it came in need not be the one it is about); long lines wrap to the list's width.
     */
    private static final class LogCell extends ListCell<ProgressEvent> {
        private final FontIcon icon = new FontIcon();
        private final Label text = new Label();
        private final HBox line = new HBox(6, icon, text);

        LogCell() {
            text.setWrapText(true);
            text.setMinHeight(Label.USE_PREF_SIZE);
            line.setAlignment(Pos.TOP_LEFT);
        }

        @Override
        protected void updateItem(ProgressEvent event, boolean empty) {
            super.updateItem(event, empty);
            setText(null);
            line.getStyleClass().removeAll("log-warning", "log-error");
            if (empty || event == null) {
                setGraphic(null);
                return;
            }
            if (!text.prefWidthProperty().isBound()) {
                text.prefWidthProperty().bind(getListView().widthProperty().subtract(LOG_INSET));
            }
            text.setText(textOf(event));
            switch (event.level()) {
                case WARNING -> {
                    line.getStyleClass().add("log-warning");
                    icon.setIconLiteral("mdi2a-alert-outline");
                }
                case ERROR -> {
                    line.getStyleClass().add("log-error");
                    icon.setIconLiteral("mdi2a-alert-circle-outline");
                }
                default -> icon.setIconLiteral("mdi2i-information-outline");
            }
            setGraphic(line);
        }

        private static String textOf(ProgressEvent event) {
            String message = EngineText.translate(event.message());
            return switch (event.level()) {
                case WARNING -> Messages.format("progress.log.warning", message);
                case ERROR -> Messages.format("progress.log.error", message);
                default -> Messages.format("progress.log.line", event.phase() == null ? ""
                        : Messages.get("phase." + event.phase().name()), message);
            };
        }
    }
}
