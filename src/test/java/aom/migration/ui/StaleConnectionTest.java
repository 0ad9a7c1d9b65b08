package aom.migration.ui;

import aom.migration.model.AppRef;
import aom.migration.ui.wizard.PageId;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An export chosen from one server, then the source changed to one that is not there: nothing of the first server's
 * application survives on the pages, and Next waits for a source that works.
 */
class StaleConnectionTest extends DemoWizardUiTest {

    @Start
    void start(Stage stage) {
        startWizard(stage);
    }

    @Test
    void whatCameFromAnotherSourceIsForgottenAndNextWaitsForOneThatWorks() throws Exception {
        clickOn("#nextButton");
        waitFor(() -> model.navigation().getCurrentPage() == PageId.CONNECTIONS);
        TextField uri = inForm("sourceForm", "uriField");
        interact(() -> uri.setText(demo.source().uri()));
        clickOn("#nextButton");
        TableView<AppRef> table = lookup("#applicationTable").queryTableView();
        waitFor(() -> table.getItems().size() == 3);
        clickOn("ConferenceApp");
        clickOn("#nextButton");
        waitFor(() -> model.navigation().getCurrentPage() == PageId.SELECTION);
        clickOn("#backButton");
        clickOn("#backButton");
        waitFor(() -> model.navigation().getCurrentPage() == PageId.CONNECTIONS);

        interact(() -> uri.setText("mongodb://127.0.0.1:" + ClosedPort.find() + "/?serverSelectionTimeoutMS=2000"));
        clickOn((Node) inForm("sourceForm", "testButton"));
        Label result = inForm("sourceForm", "testResultTitle");
        waitFor(() -> result.getText().equals("Connection failed"));

        assertThat(lookup("#nextButton").queryButton().isDisabled()).as("Next after a failed test").isTrue();

        // Another address, not tested: Next may try it, and the Application page says what became of it.
        interact(() -> uri.setText("mongodb://127.0.0.1:" + ClosedPort.find() + "/?serverSelectionTimeoutMS=1000"));
        waitFor(() -> !lookup("#nextButton").queryButton().isDisabled());
        clickOn("#nextButton");
        waitFor(() -> model.navigation().getCurrentPage() == PageId.APPLICATION);
        waitFor(() -> lookup("#applicationError").query().isVisible());

        assertThat(table.getItems()).isEmpty();
        assertThat(lookup("#namingLabel").queryLabeled().getText())
                .isEqualTo("Select an application to see its naming convention.");
        assertThat(lookup("#nextButton").queryButton().isDisabled()).isTrue();
        assertThat(model.applicationProperty().get()).isNull();
        assertThat(model.selectionProperty().get()).isNull();
    }
}
