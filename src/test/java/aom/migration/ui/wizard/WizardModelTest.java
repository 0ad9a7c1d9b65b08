package aom.migration.ui.wizard;

import aom.migration.model.AppRef;
import aom.migration.model.NamingDetection;
import aom.migration.model.Selection;
import aom.migration.ui.task.BackgroundTask;
import aom.migration.ui.task.CurrentThreadTaskExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.WritableValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WizardModelTest {

    private final WizardModel model = new WizardModel();
    private final List<String> calls = new ArrayList<>();
    private final Map<PageId, FakePage> pages = new EnumMap<>(PageId.class);

    @BeforeEach
    void registerPages() {
        for (PageId page : PageId.values()) {
            FakePage fake = new FakePage(page);
            pages.put(page, fake);
            model.navigation().register(page, fake);
        }
    }

    @Test
    void startsOnTheStartPageWithoutBack() {
        assertThat(model.navigation().getCurrentPage()).isEqualTo(PageId.START);
        assertThat(model.navigation().canGoBackProperty().get()).isFalse();
        assertThat(model.navigation().canGoNextProperty().get()).isTrue();
    }

    @Test
    void exportFlowWalksConnectionsApplicationSelection() {
        model.chooseFlow(WizardFlow.EXPORT);
        assertThat(model.navigation().steps()).containsExactly(PageId.START, PageId.CONNECTIONS, PageId.APPLICATION,
                PageId.SELECTION, PageId.EXPORT_PROGRESS, PageId.PREVIEW, PageId.SUMMARY);

        model.navigation().next();
        model.navigation().next();
        model.navigation().next();

        assertThat(model.navigation().getCurrentPage()).isEqualTo(PageId.SELECTION);
        assertThat(calls).containsExactly("commit START", "enter CONNECTIONS", "commit CONNECTIONS",
                "enter APPLICATION", "commit APPLICATION", "enter SELECTION");
    }

    @Test
    void importFlowPreviewsTheBundleBeforeAskingForTheTarget() {
        model.chooseFlow(WizardFlow.IMPORT);
        model.navigation().next();
        assertThat(model.navigation().getCurrentPage()).isEqualTo(PageId.PREVIEW);
        model.navigation().next();
        assertThat(model.navigation().getCurrentPage()).isEqualTo(PageId.CONNECTIONS);
    }

    @Test
    void migrateFlowHasEveryPage() {
        model.chooseFlow(WizardFlow.MIGRATE);
        assertThat(model.navigation().steps()).containsExactly(PageId.values());
    }

    @Test
    void pagesReadTheSharedStateButCannotWriteItPastItsOwner() {
        List<Object> shared = List.of(model.flowProperty(), model.languageProperty(),
                model.connections().sourceProperty(), model.connections().targetProperty(),
                model.applicationProperty(), model.selectionProperty(),
                model.bundleFileProperty(), model.encryptBundleProperty(), model.openedBundleProperty(),
                model.plannedImportProperty(), model.exportedBundleProperty(), model.importResultProperty());

        assertThat(shared).noneMatch(WritableValue.class::isInstance);
    }

    @Test
    void theSelectionPageChoosesWhatToExportAndWhereAndStartOverForgetsIt() {
        model.chooseApplication(new AppRef("ShopApp", "Shop App", "bob", List.of(),
                NamingDetection.detect("ShopApp", List.of("ShopApp")), Map.of()));
        model.chooseExport(Selection.everything(), Path.of("shop.aombundle"));
        model.navigation().next();

        assertThat(model.selectionProperty().get()).isEqualTo(Selection.everything());
        assertThat(model.bundleFileProperty().get()).isEqualTo(Path.of("shop.aombundle"));
        assertThat(model.restart()).isTrue();
        assertThat(model.applicationProperty().get()).isNull();
        assertThat(model.selectionProperty().get()).isNull();
        assertThat(model.bundleFileProperty().get()).isNull();
    }

    @Test
    void nextDoesNothingWhileThePageIsIncomplete() {
        pages.get(PageId.START).complete.set(false);

        assertThat(model.navigation().canGoNextProperty().get()).isFalse();
        assertThat(model.navigation().next()).isFalse();
        assertThat(model.navigation().getCurrentPage()).isEqualTo(PageId.START);
        assertThat(calls).isEmpty();
    }

    @Test
    void nextFollowsTheFlowChosenInTheStartPagesCommit() {
        pages.get(PageId.START).onCommit = () -> model.chooseFlow(WizardFlow.IMPORT);

        model.navigation().next();

        assertThat(model.navigation().getCurrentPage()).isEqualTo(PageId.PREVIEW);
    }

    @Test
    void backEntersThePreviousPageWithoutCommitting() {
        model.navigation().next();
        model.navigation().next();
        calls.clear();

        model.navigation().back();

        assertThat(model.navigation().getCurrentPage()).isEqualTo(PageId.CONNECTIONS);
        assertThat(calls).containsExactly("enter CONNECTIONS");
    }

    @Test
    void restartReturnsToTheStartPage() {
        model.navigation().next();
        model.navigation().next();

        assertThat(model.restart()).isTrue();

        assertThat(model.navigation().getCurrentPage()).isEqualTo(PageId.START);
        assertThat(model.navigation().canGoBackProperty().get()).isFalse();
    }

    @Test
    void openingABundleGoesStraightToItsPreviewInTheImportFlow() {
        Path bundle = Path.of("target", "ConferenceApp-20240301-101500.aombundle");

        model.openBundle(bundle);

        assertThat(model.getFlow()).isEqualTo(WizardFlow.IMPORT);
        assertThat(model.navigation().getCurrentPage()).isEqualTo(PageId.PREVIEW);
        assertThat(model.bundleFileProperty().get()).isEqualTo(bundle);
        assertThat(calls).containsExactly("enter PREVIEW");
        assertThat(model.navigation().back()).isTrue();
        assertThat(model.navigation().getCurrentPage()).isEqualTo(PageId.START);
    }

    @Test
    void aRunningJobLocksNavigationUntilItEnds() {
        model.navigation().next();
        BackgroundTask<String> job = BackgroundTask.of((progress, cancel) -> "done");

        model.runningJob().track(job, WizardJob.IMPORT);

        assertThat(model.runningJob().isRunning()).isTrue();
        assertThat(model.navigation().canGoNextProperty().get()).isFalse();
        assertThat(model.navigation().canGoBackProperty().get()).isFalse();
        assertThat(model.restart()).isFalse();

        new CurrentThreadTaskExecutor().execute(job);

        assertThat(model.runningJob().isRunning()).isFalse();
        assertThat(model.runningJob().jobProperty().get()).isNull();
        assertThat(model.navigation().canGoBackProperty().get()).isTrue();
    }

    @Test
    void aPageWithoutViewModelCanOnlyBeLeftBackwards() {
        WizardModel bare = new WizardModel();
        bare.openBundle(Path.of("x.aombundle"));

        assertThat(bare.navigation().canGoNextProperty().get()).isFalse();
        assertThat(bare.navigation().canGoBackProperty().get()).isTrue();
    }

    private final class FakePage implements PageViewModel {
        final PageId id;
        final BooleanProperty complete = new SimpleBooleanProperty(true);
        Runnable onCommit = () -> { };

        FakePage(PageId id) {
            this.id = id;
        }

        @Override
        public ReadOnlyBooleanProperty canGoNextProperty() {
            return complete;
        }

        @Override
        public void enter() {
            calls.add("enter " + id);
        }

        @Override
        public void commit() {
            calls.add("commit " + id);
            onCommit.run();
        }
    }
}
