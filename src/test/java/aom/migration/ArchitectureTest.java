package aom.migration;

import aom.migration.comparison.ApplicationComparison;
import aom.migration.export.ExportJob;
import aom.migration.restore.BundleImport;
import aom.migration.restore.DumpImport;
import aom.migration.restore.ImportJob;
import aom.migration.restore.TargetNaming;
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
                        "aom.migration.session..", "aom.migration.logging..", "aom.migration.bench..",
                        "aom.migration.data..", "aom.migration.comparison..")
                .should().dependOnClassesThat().resideInAnyPackage("aom.migration.ui..", "aom.migration.cli..")
                .check(CLASSES);
    }

    /** Every package of the tool, in the order of their layers; a new package must be placed here. */
    private static final String[] PACKAGES = {"aom.migration.model..", "aom.migration.progress..",
        "aom.migration.data..", "aom.migration.mongo..", "aom.migration.bundle..", "aom.migration.logging..",
        "aom.migration.dump..", "aom.migration.export..", "aom.migration.restore..", "aom.migration.comparison..",
        "aom.migration.demo..", "aom.migration.session..", "aom.migration.bench..", "aom.migration.cli..",
        "aom.migration.ui.."};

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
                .layer("Data").definedBy("aom.migration.data..")
                .layer("Mongo").definedBy("aom.migration.mongo..")
                .layer("Bundle").definedBy("aom.migration.bundle..")
                .layer("Logging").definedBy("aom.migration.logging..")
                .layer("Dump").definedBy("aom.migration.dump..")
                .layer("Export").definedBy("aom.migration.export..")
                .layer("Restore").definedBy("aom.migration.restore..")
                .layer("Comparison").definedBy("aom.migration.comparison..")
                .layer("Demo").definedBy("aom.migration.demo..")
                .layer("Session").definedBy("aom.migration.session..")
                .layer("Bench").definedBy("aom.migration.bench..")
                .layer("Cli").definedBy("aom.migration.cli..")
                .layer("Ui").definedBy("aom.migration.ui..")
                .layer("Main").definedBy(JavaClass.Predicates.equivalentTo(Main.class))
                .whereLayer("Model").mayNotAccessAnyLayer()
                .whereLayer("Progress").mayOnlyAccessLayers("Model")
                .whereLayer("Data").mayOnlyAccessLayers("Model")
                .whereLayer("Mongo").mayOnlyAccessLayers("Model")
                .whereLayer("Bundle").mayOnlyAccessLayers("Model", "Progress", "Data")
                .whereLayer("Logging").mayOnlyAccessLayers("Model", "Mongo")
                .whereLayer("Dump").mayOnlyAccessLayers("Model", "Progress", "Data", "Bundle")
                .whereLayer("Export").mayOnlyAccessLayers("Model", "Progress", "Data", "Mongo", "Bundle", "Dump")
                .whereLayer("Restore").mayOnlyAccessLayers("Model", "Progress", "Data", "Mongo", "Bundle", "Dump",
                        "Export")
                .whereLayer("Comparison").mayOnlyAccessLayers("Model", "Progress", "Data", "Mongo", "Bundle",
                        "Dump", "Export", "Restore")
                .whereLayer("Demo").mayOnlyAccessLayers("Model", "Progress", "Mongo", "Bundle")
                .whereLayer("Session").mayOnlyAccessLayers("Model", "Progress", "Data", "Mongo", "Bundle", "Dump",
                        "Export", "Restore", "Comparison")
                .whereLayer("Bench").mayOnlyAccessLayers("Model", "Progress", "Data", "Mongo", "Bundle", "Dump",
                        "Export", "Restore", "Demo", "Session")
                .whereLayer("Cli").mayOnlyAccessLayers("Model", "Progress", "Data", "Mongo", "Bundle", "Logging",
                        "Dump", "Export", "Restore", "Comparison", "Demo", "Session", "Bench")
                .whereLayer("Ui").mayOnlyAccessLayers("Model", "Progress", "Data", "Mongo", "Bundle", "Logging",
                        "Dump", "Export", "Restore", "Comparison", "Demo", "Session")
                .whereLayer("Main").mayOnlyAccessLayers("Cli", "Ui", "Bundle", "Logging")
                .because("DESIGN.md section 2: model, progress and data -> mongo and bundle -> dump -> export ->"
                        + " restore -> comparison -> session -> the command line and the wizard")
                .check(CLASSES);
    }

    @Test
    void theFrontEndsPlanRunAndCompareThroughTheSession() {
        noClasses().that().resideInAnyPackage("aom.migration.cli..", "aom.migration.ui..")
                .should().dependOnClassesThat().belongToAnyOf(ImportJob.class, BundleImport.class, DumpImport.class,
                        TargetNaming.class, ExportJob.class, ApplicationComparison.class)
                .because("the wizard and the command line decide the same way only if both plan, run and compare"
                        + " through aom.migration.session (its PlannedImport, BundleExport and Comparison)")
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
