package aom.migration;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The engine stays plain Java, its packages in one order without cycles, and the wizard and the command line drive
 * the same code (DESIGN.md section 2).
 */
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
                        "aom.migration.progress..", "aom.migration.demo..", "aom.migration.dump..",
                        "aom.migration.session..", "aom.migration.logging..", "aom.migration.bench..")
                .should().dependOnClassesThat().resideInAnyPackage("aom.migration.ui..", "aom.migration.cli..")
                .check(CLASSES);
    }

    /** Every package of the tool, in the order of their layers; a new package must be placed here. */
    private static final String[] PACKAGES = {"aom.migration.model..", "aom.migration.progress..",
        "aom.migration.mongo..", "aom.migration.bundle..", "aom.migration.logging..", "aom.migration.dump..",
        "aom.migration.export..", "aom.migration.restore..", "aom.migration.demo..", "aom.migration.session..",
        "aom.migration.bench..", "aom.migration.cli..", "aom.migration.ui.."};

    @Test
    void everyClassBelongsToALayer() {
        classes().should().resideInAnyPackage(PACKAGES).orShould().haveFullyQualifiedName("aom.migration.Main")
                .because("the layer rules below only guard the packages they name")
                .check(CLASSES);
    }

    @Test
    void noPackagesDependOnEachOtherInACircle() {
        slices().matching("aom.migration.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theEngineIsLayeredFromModelToFrontEnds() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Model").definedBy("aom.migration.model..")
                .layer("Progress").definedBy("aom.migration.progress..")
                .layer("Mongo").definedBy("aom.migration.mongo..")
                .layer("Bundle").definedBy("aom.migration.bundle..")
                .layer("Logging").definedBy("aom.migration.logging..")
                .layer("Dump").definedBy("aom.migration.dump..")
                .layer("Export").definedBy("aom.migration.export..")
                .layer("Restore").definedBy("aom.migration.restore..")
                .layer("Demo").definedBy("aom.migration.demo..")
                .layer("Session").definedBy("aom.migration.session..")
                .layer("Bench").definedBy("aom.migration.bench..")
                .layer("Cli").definedBy("aom.migration.cli..")
                .layer("Ui").definedBy("aom.migration.ui..")
                .layer("Main").definedBy(JavaClass.Predicates.equivalentTo(Main.class))
                .whereLayer("Model").mayNotAccessAnyLayer()
                .whereLayer("Progress").mayOnlyAccessLayers("Model")
                .whereLayer("Mongo").mayOnlyAccessLayers("Model")
                .whereLayer("Bundle").mayOnlyAccessLayers("Model", "Progress")
                .whereLayer("Logging").mayOnlyAccessLayers("Model", "Mongo")
                .whereLayer("Dump").mayOnlyAccessLayers("Model", "Progress", "Bundle")
                .whereLayer("Export").mayOnlyAccessLayers("Model", "Progress", "Mongo", "Bundle", "Dump")
                .whereLayer("Restore").mayOnlyAccessLayers("Model", "Progress", "Mongo", "Bundle", "Dump", "Export")
                .whereLayer("Demo").mayOnlyAccessLayers("Model", "Progress", "Mongo", "Bundle")
                .whereLayer("Session").mayOnlyAccessLayers("Model", "Progress", "Mongo", "Bundle", "Dump", "Export",
                        "Restore")
                .whereLayer("Bench").mayOnlyAccessLayers("Model", "Progress", "Mongo", "Bundle", "Dump", "Export",
                        "Restore", "Demo")
                .whereLayer("Cli").mayOnlyAccessLayers("Model", "Progress", "Mongo", "Bundle", "Logging", "Dump",
                        "Export", "Restore", "Demo", "Session", "Bench")
                .whereLayer("Ui").mayOnlyAccessLayers("Model", "Progress", "Mongo", "Bundle", "Logging", "Dump",
                        "Export", "Restore", "Demo", "Session")
                .whereLayer("Main").mayOnlyAccessLayers("Cli", "Ui", "Bundle", "Logging")
                .because("DESIGN.md section 2: model and progress -> mongo and bundle -> dump -> export -> restore ->"
                        + " session -> the command line and the wizard")
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
