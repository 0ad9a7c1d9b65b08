package aom.migration.ui;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the wizard's views thin: they bind and hand off, and never talk to MongoDB or the file system. */
class UiArchitectureTest {

    private static final JavaClasses UI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("aom.migration.ui");

    @Test
    void viewsDoNotTouchMongoDbOrFiles() {
        ArchRule rule = noClasses().that().haveSimpleNameEndingWith("View")
                .or().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("aom.migration.mongo.Installation")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.file.Files")
                .because("views only bind; database and file work runs in background tasks of the ViewModels");
        rule.check(UI);
    }

    @Test
    void viewModelsDoNotUseTheSceneGraph() {
        ArchRule rule = noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "javafx.application..")
                .because("ViewModels are tested without a JavaFX toolkit");
        rule.check(UI);
    }

    @Test
    void theUiUsesOneErrorDialog() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("aom.migration.ui.dialog..")
                .should().dependOnClassesThat().haveFullyQualifiedName("javafx.scene.control.Alert")
                .because("errors go through DialogService.showError, the one dialog with details");
        rule.check(UI);
    }
}
