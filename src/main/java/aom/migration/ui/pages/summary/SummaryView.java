package aom.migration.ui.pages.summary;

import aom.migration.restore.VerificationReport;
import aom.migration.ui.AttachedWhile;
import aom.migration.ui.BindableView;
import aom.migration.ui.ColumnHeaders;
import aom.migration.ui.DataSizes;
import aom.migration.ui.EngineText;
import aom.migration.ui.HoverTooltip;
import aom.migration.ui.LazyTabs;
import aom.migration.ui.Messages;
import aom.migration.ui.TwoLines;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.function.Function;

/** The Summary page: the verdict, the report's tables or the export's figures, and the follow-up actions. */
public class SummaryView implements BindableView {

    private static final int HASH_SHOWN = 8;

    @FXML
    private HBox banner;
    @FXML
    private FontIcon bannerIcon;
    @FXML
    private Label headlineLabel;
    @FXML
    private Label detailLabel;
    @FXML
    private TabPane importBox;
    @FXML
    private Node exportBox;
    @FXML
    private TableView<VerificationReport.CollectionCheck> collectionTable;
    @FXML
    private TableView<VerificationReport.MetadataCheck> metadataTable;
    @FXML
    private Tab remarksTab;
    @FXML
    private ListView<String> remarksList;
    @FXML
    private ListView<String> exportRemarks;
    @FXML
    private GridPane factsGrid;
    @FXML
    private TextField reportLocation;
    @FXML
    private Node folderBox;
    @FXML
    private Label folderMessage;
    @FXML
    private Button copyPathButton;
    @FXML
    private Button saveButton;
    @FXML
    private Button logFolderButton;
    @FXML
    private Button bundleFolderButton;
    @FXML
    private Button startOverButton;

    private final SummaryViewModel viewModel;

    public SummaryView(SummaryViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        LazyTabs.install(importBox);
    }

    @Override
    public void bind() {
        headlineLabel.textProperty().bind(viewModel.headlineProperty());
        detailLabel.textProperty().bind(viewModel.detailProperty());
        viewModel.verdictProperty().addListener(observable -> showVerdict());
        viewModel.modeProperty().addListener(observable -> showVerdict());
        showVerdict();
        importBox.visibleProperty().bind(viewModel.modeProperty().isEqualTo(SummaryViewModel.Mode.IMPORT));
        exportBox.visibleProperty().bind(importBox.visibleProperty().not());
        // The part not shown is left out of the scene: its tables would cost their skins and styles all the same.
        AttachedWhile.bind(importBox, importBox.visibleProperty());
        AttachedWhile.bind(exportBox, exportBox.visibleProperty());
        saveButton.visibleProperty().bind(importBox.visibleProperty());
        saveButton.managedProperty().bind(saveButton.visibleProperty());
        bindReportTables();
        remarksList.setItems(viewModel.remarks());
        remarksList.setPlaceholder(new Label(Messages.get("summary.remarks.none")));
        remarksTab.textProperty().bind(Bindings.createStringBinding(() -> Messages.format("summary.tab.remarks",
                viewModel.remarks().size()), viewModel.remarks()));
        exportRemarks.setItems(viewModel.remarks());
        exportRemarks.setPlaceholder(new Label(Messages.get("summary.remarks.none")));
        viewModel.facts().addListener((ListChangeListener<Fact>) change -> showFacts());
        showFacts();
        bindFolder();
        reportLocation.textProperty().bind(viewModel.reportLocationProperty());
        reportLocation.visibleProperty().bind(viewModel.reportLocationProperty().isNotEmpty());
        reportLocation.managedProperty().bind(reportLocation.visibleProperty());
        saveButton.setOnAction(event -> viewModel.saveReport());
        logFolderButton.setOnAction(event -> viewModel.openLogFolder());
        bundleFolderButton.setOnAction(event -> viewModel.openBundleFolder());
        startOverButton.setOnAction(event -> viewModel.startOver());
    }

    /**
     * Where a folder asked for is: handed to the file manager, or, where none could be started, its path, copied to
     * the clipboard right away (and again with the button).
     */
    private void bindFolder() {
        folderMessage.textProperty().bind(viewModel.folderMessageProperty());
        folderBox.visibleProperty().bind(viewModel.folderMessageProperty().isNotEmpty());
        folderBox.managedProperty().bind(folderBox.visibleProperty());
        copyPathButton.setOnAction(event -> copyFolderPath());
        viewModel.folderMessageProperty().addListener((observable, old, message) -> {
            copyPathButton.setText(Messages.get("summary.folder.copy"));
            if (!message.isEmpty() && !viewModel.folderOpenedProperty().get()) {
                copyFolderPath();
            }
        });
    }

    private void copyFolderPath() {
        ClipboardContent content = new ClipboardContent();
        content.putString(viewModel.folderPathProperty().get());
        if (Clipboard.getSystemClipboard().setContent(content)) {
            copyPathButton.setText(Messages.get("summary.folder.copied"));
        }
    }

    private void showVerdict() {
        boolean passed = viewModel.verdictProperty().get() == SummaryViewModel.Verdict.PASSED;
        banner.getStyleClass().removeAll("outcome-success", "outcome-danger");
        banner.getStyleClass().add(passed ? "outcome-success" : "outcome-danger");
        bannerIcon.setIconLiteral(!passed ? "mdi2s-shield-alert-outline"
                : viewModel.modeProperty().get() == SummaryViewModel.Mode.EXPORT ? "mdi2p-package-variant-closed"
                : "mdi2s-shield-check-outline");
    }

    private void bindReportTables() {
        collectionTable.setItems(viewModel.collections());
        collectionTable.setPlaceholder(new Label(Messages.get("summary.collections.none")));
        collectionTable.getColumns().setAll(List.of(
                resultColumn(VerificationReport.CollectionCheck::passed),
                collectionColumn(),
                textColumn("summary.column.action", check -> EngineText.translate(check.action()), 80),
                countColumn("summary.column.source", VerificationReport.CollectionCheck::expectedDocuments),
                countColumn("summary.column.target", VerificationReport.CollectionCheck::actualDocuments),
                hashColumn("summary.column.sourceHash", VerificationReport.CollectionCheck::expectedHash),
                hashColumn("summary.column.targetHash", VerificationReport.CollectionCheck::actualHash)));
        ColumnHeaders.keepWhole(collectionTable);
        metadataTable.setItems(viewModel.metadata());
        metadataTable.setPlaceholder(new Label(Messages.get("summary.metadata.none")));
        metadataTable.getColumns().setAll(List.of(
                resultColumn(VerificationReport.MetadataCheck::passed),
                textColumn("summary.column.metadataCollection", VerificationReport.MetadataCheck::collection, 200),
                countColumn("summary.column.written", check -> (long) check.written()),
                countColumn("summary.column.present", check -> (long) check.present()),
                countColumn("summary.column.removed", check -> (long) check.removed())));
        ColumnHeaders.keepWhole(metadataTable);
    }

    private void showFacts() {
        factsGrid.getChildren().clear();
        int row = 0;
        for (Fact fact : viewModel.facts()) {
            Label label = new Label(fact.label());
            label.getStyleClass().add("text-muted");
            TextField value = new TextField(fact.value());
            value.setEditable(false);
            value.getStyleClass().add("fact-value");
            value.setId("fact-" + row);
            factsGrid.addRow(row++, label, value);
        }
    }

    /**
     * The collection over its database and system, in two lines: {@code database.collection} in one line was cut in a
     * laptop's window.
     */
    private static TableColumn<VerificationReport.CollectionCheck, VerificationReport.CollectionCheck>
            collectionColumn() {
        TableColumn<VerificationReport.CollectionCheck, VerificationReport.CollectionCheck> column =
                new TableColumn<>(Messages.get("summary.column.collection"));
        column.setPrefWidth(330);
        column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue()));
        column.setCellFactory(ignored -> new TableCell<>() {
            private final TwoLines lines = new TwoLines();

            @Override
            protected void updateItem(VerificationReport.CollectionCheck check, boolean empty) {
                super.updateItem(check, empty);
                setText(null);
                setGraphic(empty || check == null ? null : lines.show(check.collection(),
                        Messages.format("summary.collection.where", check.database(), check.system())));
            }
        });
        return column;
    }

    private static <S> TableColumn<S, Boolean> resultColumn(Function<S, Boolean> passed) {
        TableColumn<S, Boolean> column = new TableColumn<>(Messages.get("summary.column.result"));
        column.setPrefWidth(80);
        column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(passed.apply(row.getValue())));
        column.setCellFactory(ignored -> new TableCell<>() {
            private final FontIcon icon = new FontIcon();

            @Override
            protected void updateItem(Boolean ok, boolean empty) {
                super.updateItem(ok, empty);
                getStyleClass().removeAll("check-ok", "check-failed");
                if (empty || ok == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(Messages.get(ok ? "summary.result.ok" : "summary.result.failed"));
                icon.setIconLiteral(ok ? "mdi2c-check-circle-outline" : "mdi2c-close-circle-outline");
                setGraphic(icon);
                getStyleClass().add(ok ? "check-ok" : "check-failed");
            }
        });
        return column;
    }

    private static <S> TableColumn<S, String> textColumn(String key, Function<S, String> value, double width) {
        TableColumn<S, String> column = new TableColumn<>(Messages.get(key));
        column.setPrefWidth(width);
        column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(value.apply(row.getValue())));
        return column;
    }

    private static <S> TableColumn<S, Long> countColumn(String key, Function<S, Long> value) {
        TableColumn<S, Long> column = new TableColumn<>(Messages.get(key));
        column.setPrefWidth(80);
        column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(value.apply(row.getValue())));
        column.setCellFactory(ignored -> new TableCell<>() {
            {
                getStyleClass().add("number-cell");
            }

            @Override
            protected void updateItem(Long count, boolean empty) {
                super.updateItem(count, empty);
                setText(empty || count == null ? null : count < 0 ? "\u2014" : DataSizes.count(count));
            }
        });
        return column;
    }

    private static <S> TableColumn<S, String> hashColumn(String key, Function<S, String> value) {
        TableColumn<S, String> column = new TableColumn<>(Messages.get(key));
        column.setPrefWidth(110);
        column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(value.apply(row.getValue())));
        column.setCellFactory(ignored -> new TableCell<>() {
            private final HoverTooltip whole = HoverTooltip.on(this, this::getItem);

            {
                getStyleClass().add("hash-cell");
            }

            @Override
            protected void updateItem(String hash, boolean empty) {
                super.updateItem(hash, empty);
                whole.refresh();
                if (empty || hash == null) {
                    setText(empty ? null : "\u2014");
                    return;
                }
                setText(hash.length() > HASH_SHOWN ? hash.substring(0, HASH_SHOWN) + "\u2026" : hash);
            }
        });
        return column;
    }
}
