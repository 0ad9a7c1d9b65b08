package aom.migration;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The engine stays plain Java: the wizard and the command line drive the same code. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("aom.migration");

    @Test
    void nothingOutsideUiDependsOnJavaFx() {
        noClasses().that().resideOutsideOfPackage("aom.migration.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..",
                        "org.kordamp.ikonli..")
                .because("the engine must run headless from the command line (DESIGN.md section 2)")
                .check(CLASSES);
    }

    @Test
    void engineDoesNotDependOnTheUiOrTheCommandLine() {
        noClasses().that().resideInAnyPackage("aom.migration.model..", "aom.migration.mongo..",
                        "aom.migration.bundle..", "aom.migration.export..", "aom.migration.restore..",
                        "aom.migration.progress..", "aom.migration.demo..", "aom.migration.dump..")
                .should().dependOnClassesThat().resideInAnyPackage("aom.migration.ui..", "aom.migration.cli..")
                .check(CLASSES);
    }

    @Test
    void onlyTheCommandLineWritesToStandardOutput() {
        noClasses().that().resideOutsideOfPackage("aom.migration.cli..")
                .should().accessField(System.class, "out")
                .because("STYLE.md: no System.out outside the CLI; use the logger or a progress listener")
                .check(CLASSES);
    }
}
