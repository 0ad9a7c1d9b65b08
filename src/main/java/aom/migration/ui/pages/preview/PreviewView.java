package aom.migration.ui.pages.preview;

import aom.migration.session.PlanFigures;
import aom.migration.ui.BindableView;
import aom.migration.ui.ColumnHeaders;
import aom.migration.ui.DataSizes;
import aom.migration.ui.LazyTabs;
import aom.migration.ui.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.List;

/** The Preview page: binds the tree, the details, the data summary, the checksums, the plan and the warnings. */
public class PreviewView implements BindableView {

    @FXML
    private Label titleLabel;
    @FXML
    private Label subtitleLabel;
    @FXML
    private Node loadingBox;
    @FXML
    private Node errorBox;
    @FXML
    private Label errorLabel;
    @FXML
    private Button retryButton;
    @FXML
    private TreeView<MetadataNode> metadataTree;
    @FXML
    private Label detailsTitle;
    @FXML
    private Label detailsFacts;
    @FXML
    private TextArea detailsJson;
    @FXML
    private Label dataSummaryLabel;
    @FXML
    private Button verifyButton;
    @FXML
    private ProgressBar verifyProgress;
    @FXML
    private Label verifyResult;
    @FXML
    private TreeTableView<DataRow> dataTable;
    @FXML
    private TreeTableColumn<DataRow, DataRow> nameColumn;
    @FXML
    private TreeTableColumn<DataRow, Number> documentsColumn;
    @FXML
    private TreeTableColumn<DataRow, Number> sizeColumn;
    @FXML
    private TreeTableColumn<DataRow, ChecksumState> checksumColumn;
    @FXML
    private TabPane tabs;
    @FXML
    private Tab planTab;
    @FXML
    private Label planStatus;
    @FXML
    private VBox planFigures;
    @FXML
    private Tab warningsTab;
    @FXML
    private ListView<String> warningsList;

    private final PreviewViewModel viewModel;

    public PreviewView(PreviewViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        LazyTabs.install(tabs);
    }

    @Override
    public void bind() {
        titleLabel.textProperty().bind(viewModel.titleProperty());
        subtitleLabel.textProperty().bind(viewModel.subtitleProperty());
        loadingBox.visibleProperty().bind(viewModel.loadingProperty());
        errorBox.visibleProperty().bind(viewModel.loadErrorProperty().isNotNull());
        errorLabel.textProperty().bind(viewModel.loadErrorProperty());
        retryButton.setOnAction(event -> viewModel.reload());
        bindTree();
        bindData();
        bindPlan();
        bindWarnings();
    }

    private void bindTree() {
        metadataTree.setCellFactory(tree -> new MetadataCell());
        viewModel.treeProperty().addListener((observable, old, root) -> showTree(root));
        showTree(viewModel.treeProperty().get());
        metadataTree.getSelectionModel().selectedItemProperty().addListener((observable, old, item) ->
                viewModel.selectedProperty().set(item == null ? null : item.getValue()));
        detailsTitle.textProperty().bind(viewModel.detailsTitleProperty());
        detailsFacts.textProperty().bind(viewModel.detailsFactsProperty());
        detailsJson.textProperty().bind(viewModel.detailsJsonProperty());
    }

    private void showTree(MetadataNode root) {
        metadataTree.setRoot(root == null ? null : new NodeItem(root, 0));
        if (root != null) {
            metadataTree.getSelectionModel().select(0);
        }
    }

    /**
     * A tree line whose children are made when they are first asked for (the line is opened, or walked): a large
     * application's classes and attributes, folded at first, then cost nothing until the user goes there.
     */
    private static final class NodeItem extends TreeItem<MetadataNode> {
        private final int depth;
        private boolean childrenMade;

        NodeItem(MetadataNode node, int depth) {
            super(node);
            this.depth = depth;
            // Open down to the modules and their groups; classes and attributes stay folded.
            setExpanded(depth < 2 || node.kind() == NodeKind.GROUP && depth < 4);
        }

        @Override
        public boolean isLeaf() {
            return getValue().children().isEmpty();
        }

        @Override
        public ObservableList<TreeItem<MetadataNode>> getChildren() {
            if (!childrenMade) {
                childrenMade = true;
                List<TreeItem<MetadataNode>> children = new ArrayList<>();
                getValue().children().forEach(child -> children.add(new NodeItem(child, depth + 1)));
                super.getChildren().setAll(children);
            }
            return super.getChildren();
        }
    }

    private void bindData() {
        dataSummaryLabel.textProperty().bind(viewModel.dataSummaryProperty());
        ChecksumVerification checksums = viewModel.checksums();
        verifyButton.setOnAction(event -> viewModel.verifyChecksums());
        verifyButton.disableProperty().bind(checksums.runningProperty().or(viewModel.loadingProperty()));
        verifyProgress.progressProperty().bind(checksums.progressProperty());
        verifyProgress.visibleProperty().bind(checksums.runningProperty());
        verifyProgress.managedProperty().bind(verifyProgress.visibleProperty());
        verifyResult.textProperty().bind(checksums.resultTextProperty());
        checksums.resultProperty().addListener((observable, old, state) -> styleResult(state));
        dataTable.setShowRoot(false);
        dataTable.setPlaceholder(new Label(Messages.get("preview.data.empty")));
        ColumnHeaders.keepWhole(dataTable);
        nameColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().getValue()));
        nameColumn.setCellFactory(column -> new NameCell());
        documentsColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().getValue()
                .documents()));
        documentsColumn.setCellFactory(column -> new NumberCell(false));
        sizeColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().getValue().bytes()));
        sizeColumn.setCellFactory(column -> new NumberCell(true));
        checksumColumn.setCellValueFactory(row -> row.getValue().getValue().checksumProperty());
        checksumColumn.setCellFactory(column -> new ChecksumCell());
        viewModel.dataRows().addListener((ListChangeListener<DataRow>) change -> showRows());
        showRows();
    }

    private void showRows() {
        TreeItem<DataRow> root = new TreeItem<>();
        for (DataRow row : viewModel.dataRows()) {
            TreeItem<DataRow> item = new TreeItem<>(row);
            item.setExpanded(true);
            row.children().forEach(child -> item.getChildren().add(new TreeItem<>(child)));
            root.getChildren().add(item);
        }
        dataTable.setRoot(root);
    }

    private void styleResult(ChecksumState state) {
        verifyResult.getStyleClass().removeAll("text-success", "problem-text");
        if (state == ChecksumState.OK) {
            verifyResult.getStyleClass().add("text-success");
        } else if (state == ChecksumState.DAMAGED) {
            verifyResult.getStyleClass().add("problem-text");
        }
    }

    private void bindPlan() {
        TargetPlan plan = viewModel.plan();
        planStatus.textProperty().bind(plan.statusProperty());
        plan.figuresProperty().addListener((observable, old, figures) -> showPlan(figures));
        showPlan(plan.figuresProperty().get());
        planTab.disableProperty().bind(Bindings.createBooleanBinding(() -> !viewModel.showsPlan(),
                viewModel.treeProperty(), viewModel.loadingProperty()));
    }

    private void showPlan(PlanFigures figures) {
        planFigures.getChildren().clear();
        if (figures != null) {
            planFigures.getChildren().add(PlanFiguresPane.of(figures, true));
        }
    }

    private void bindWarnings() {
        warningsList.setItems(viewModel.warnings());
        warningsList.setPlaceholder(new Label(Messages.get("preview.warnings.none")));
        warningsList.setCellFactory(list -> new WarningCell());
        warningsTab.textProperty().bind(Bindings.createStringBinding(() -> Messages.format("preview.tab.warnings",
                viewModel.warnings().size()), viewModel.warnings()));
    }

    /** A tree line: an icon for the kind, the name, and "shared" where the installation shares the document. */
    private static final class MetadataCell extends TreeCell<MetadataNode> {
        private final FontIcon icon = new FontIcon();

        MetadataCell() {
            icon.getStyleClass().add("tree-icon");
        }

        @Override
        protected void updateItem(MetadataNode node, boolean empty) {
            super.updateItem(node, empty);
            if (empty || node == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(node.shared() ? Messages.format("preview.tree.shared", node.label()) : node.label());
            icon.setIconLiteral(MetadataIcons.of(node.kind()));
            setGraphic(icon);
        }
    }

    /** Database and collection names, groups in bold, with a note such as "view". */
    private static final class NameCell extends TreeTableCell<DataRow, DataRow> {
        private final FontIcon icon = new FontIcon();

        @Override
        protected void updateItem(DataRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().remove("text-bold");
            if (empty || row == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            boolean group = !row.children().isEmpty();
            setText(row.detail().isEmpty() ? row.label() : row.label() + "  \u00b7  " + row.detail());
            icon.setIconLiteral(switch (row.kind()) {
                case METADATA -> "mdi2c-cube-outline";
                case DATABASE -> "mdi2d-database";
                case FILE -> "mdi2f-file-document-outline";
                case COLLECTION -> "mdi2t-table";
            });
            setGraphic(icon);
            if (group) {
                getStyleClass().add("text-bold");
            }
        }
    }

    /** A count or a size, right-aligned; nothing for files without documents. */
    private static final class NumberCell extends TreeTableCell<DataRow, Number> {
        private final boolean bytes;

        NumberCell(boolean bytes) {
            this.bytes = bytes;
            getStyleClass().add("number-cell");
        }

        @Override
        protected void updateItem(Number value, boolean empty) {
            super.updateItem(value, empty);
            DataRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
            if (empty || value == null || !bytes && row != null && row.kind() == DataRow.Kind.FILE) {
                setText(null);
                return;
            }
            setText(bytes ? DataSizes.bytes(value.longValue()) : DataSizes.count(value.longValue()));
        }
    }

    /** The checksum state with an icon; a damaged entry says why in its tooltip. */
    private static final class ChecksumCell extends TreeTableCell<DataRow, ChecksumState> {
        private final FontIcon icon = new FontIcon();

        @Override
        protected void updateItem(ChecksumState state, boolean empty) {
            super.updateItem(state, empty);
            getStyleClass().removeIf(style -> style.startsWith("checksum-"));
            if (empty || state == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            setText(Messages.get("preview.checksum." + state.name()));
            getStyleClass().add("checksum-" + state.name().toLowerCase());
            icon.setIconLiteral(switch (state) {
                case NOT_CHECKED -> "mdi2m-minus";
                case CHECKING -> "mdi2p-progress-clock";
                case OK -> "mdi2s-shield-check-outline";
                case DAMAGED -> "mdi2s-shield-alert-outline";
            });
            setGraphic(icon);
            DataRow row = getTableRow() == null ? null : getTableRow().getItem();
            String problem = row == null ? null : row.problemProperty().get();
            setTooltip(problem == null ? null : new Tooltip(problem));
        }
    }

    /** A warning, wrapped to the list's width; the nodes are made once per cell. */
    private static final class WarningCell extends ListCell<String> {
        private final Label text = new Label();
        private final HBox line;

        WarningCell() {
            text.setWrapText(true);
            text.setMaxWidth(Double.MAX_VALUE);
            FontIcon icon = new FontIcon("mdi2a-alert-outline");
            icon.getStyleClass().add("warning-icon");
            line = new HBox(8, icon, text);
        }

        @Override
        protected void updateItem(String warning, boolean empty) {
            super.updateItem(warning, empty);
            setText(null);
            if (empty || warning == null) {
                setGraphic(null);
                return;
            }
            if (!text.prefWidthProperty().isBound()) {
                text.prefWidthProperty().bind(getListView().widthProperty().subtract(60));
            }
            text.setText(warning);
            setGraphic(line);
        }
    }
}
