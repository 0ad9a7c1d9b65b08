package aom.migration.ui;

import aom.migration.demo.DemoScale;
import aom.migration.demo.DemoServers;
import aom.migration.model.AppRef;
import aom.migration.model.SystemKind;
import aom.migration.ui.wizard.PageId;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationAndSelectionPagesTest extends WizardUiTest {

    /** One demo installation for the class; "Try the demo installation" itself is tested in WizardWindowTest. */
    private static DemoServers demo;

    @BeforeAll
    static void startDemo() {
        demo = DemoServers.start(DemoScale.TESTS);
    }

    @AfterAll
    static void stopDemo() {
        demo.close();
    }

    @Start
    void start(Stage stage) {
        startWizard(stage);
    }

    @Test
    void theApplicationPageListsTheDemoSourcesApplicationsWithTheirCounts() throws Exception {
        TableView<AppRef> table = openApplicationPage();

        assertThat(table.getItems()).extracting(AppRef::name)
                .containsExactly("ConferenceApp", "FleetTracker", "ShopApp");
        AppRef conference = table.getItems().get(0);
        long liveDocuments = conference.system(SystemKind.LIVE).orElseThrow().documents();
        assertThat(liveDocuments).isPositive();
        assertThat(cellTexts()).as("the LIVE cell of ConferenceApp shows its document count")
                .anyMatch(text -> text.startsWith(DataSizes.count(liveDocuments) + " docs / "));
        assertThat(cellTexts().stream().filter("\u2014"::equals).count())
                .as("FleetTracker has no STAGING and TEST, ShopApp no STAGING").isEqualTo(3);
        assertThat(lookup("#nextButton").queryButton().isDisabled()).isTrue();

        clickOn("FleetTracker");

        assertThat(lookup("#nextButton").queryButton().isDisabled()).isFalse();
        assertThat(lookup("#namingLabel").queryLabeled().getText())
                .isEqualTo("FleetTracker: Only the LIVE database FleetTracker exists; assuming dashed naming for the"
                        + " other systems");
    }

    @Test
    void theTableHasAColumnPerSystemKindAfterTheModules() throws Exception {
        TableView<AppRef> table = openApplicationPage();

        List<String> systems = Arrays.stream(SystemKind.values()).map(SystemKind::name).toList();
        assertThat(table.getColumns().subList(3, table.getColumns().size())).extracting(TableColumn::getText)
                .containsExactlyElementsOf(systems);
        assertThat(table.getColumns()).extracting(TableColumn::getId).contains("liveColumn", "testColumn");
    }

    @Test
    void theFilterNarrowsTheTable() throws Exception {
        TableView<AppRef> table = openApplicationPage();

        clickOn("#filterField").write("shop");

        waitFor(() -> table.getItems().size() == 1);
        assertThat(table.getItems().get(0).name()).isEqualTo("ShopApp");
    }

    @Test
    void theSelectionPageDisablesStagingForShopApp() throws Exception {
        openApplicationPage();
        clickOn("ShopApp");
        clickOn("#nextButton");
        waitFor(() -> model.navigation().getCurrentPage() == PageId.SELECTION);

        CheckBox staging = lookup("#stagingCheck").queryAs(CheckBox.class);
        assertThat(staging.isDisabled()).isTrue();
        assertThat(staging.isSelected()).isFalse();
        assertThat(lookup("#stagingLabel").queryLabeled().getText())
                .startsWith("Not available: the database ShopAppSTAGING does not exist on 127.0.0.1:");
        assertThat(lookup("#liveCheck").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(lookup("#testCheck").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(lookup("#liveLabel").queryLabeled().getText()).endsWith(" in ShopApp");
        assertThat(lookup("#selectionSummary").queryLabeled().getText()).startsWith("Metadata and 2 databases:");
        String bundle = lookup("#bundleField").queryAs(TextField.class).getText();
        assertThat(Path.of(bundle).getFileName().toString()).matches("ShopApp-\\d{8}-\\d{6}\\.aombundle");
        assertThat(lookup("#nextButton").queryButton().getText()).isEqualTo("Export");
    }

    @Test
    void unselectingEverythingDisablesNextWithTheReason() throws Exception {
        openApplicationPage();
        clickOn("FleetTracker");
        clickOn("#nextButton");
        waitFor(() -> model.navigation().getCurrentPage() == PageId.SELECTION);

        clickOn("#metadataCheck");
        clickOn("#liveCheck");

        Label problem = lookup("#selectionProblem").queryAs(Label.class);
        waitFor(problem::isVisible);
        assertThat(problem.getText()).isEqualTo("Select the metadata or at least one system.");
        assertThat(lookup("#nextButton").queryButton().isDisabled()).isTrue();
    }

    private List<String> cellTexts() {
        // Only cells showing a row: the table keeps spare cells around that show nothing.
        return lookup("#applicationTable .table-cell").queryAllAs(TableCell.class).stream()
                .filter(cell -> cell.isVisible() && !cell.isEmpty() && cell.getTableRow() != null
                        && cell.getTableRow().getItem() != null)
                .map(ApplicationAndSelectionPagesTest::shown).filter(Objects::nonNull).toList();
    }

    /** A cell's text, or the texts of the labels its graphic is made of, one over the other ("a / b"). */
    private static String shown(Labeled cell) {
        if (cell.getText() != null || !(cell.getGraphic() instanceof javafx.scene.Parent graphic)) {
            return cell.getText();
        }
        return String.join(" / ", graphic.getChildrenUnmodifiable().stream().filter(Labeled.class::isInstance)
                .map(label -> ((Labeled) label).getText()).toList());
    }

    private TableView<AppRef> openApplicationPage() throws Exception {
        interact(() -> model.connections().useSource(demo.source().settings()));
        clickOn("#nextButton");
        waitFor(() -> model.navigation().getCurrentPage() == PageId.CONNECTIONS
                && !lookup("#nextButton").queryButton().isDisabled());
        clickOn("#nextButton");
        waitFor(() -> model.navigation().getCurrentPage() == PageId.APPLICATION);
        TableView<AppRef> table = lookup("#applicationTable").queryTableView();
        waitFor(() -> table.getItems().size() == 3 && !lookup("#loadingBox").query().isVisible());
        return table;
    }

}
