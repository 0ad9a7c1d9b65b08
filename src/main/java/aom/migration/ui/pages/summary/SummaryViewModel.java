package aom.migration.ui.pages.summary;

import aom.migration.bundle.Manifest;
import aom.migration.export.ExportResult;
import aom.migration.model.AppHome;
import aom.migration.model.PrivateFiles;
import aom.migration.restore.ImportResult;
import aom.migration.restore.VerificationReport;
import aom.migration.session.ExportedBundle;
import aom.migration.ui.DataSizes;
import aom.migration.ui.Durations;
import aom.migration.ui.EngineText;
import aom.migration.ui.Messages;
import aom.migration.ui.dialog.ErrorText;
import aom.migration.ui.dialog.FileRequest;
import aom.migration.ui.task.BackgroundTask;
import aom.migration.ui.wizard.PageViewModel;
import aom.migration.ui.wizard.WizardModel;
import aom.migration.ui.wizard.WizardServices;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Summary page: after an import, the verification report (source against target, per collection and for the
 * metadata) with where it was saved, "save as" and the folders; after an export, what the bundle holds and where
 * it is. "Start over" returns to the Start page.
 */
public final class SummaryViewModel implements PageViewModel {

    /** What the page sums up. */
    public enum Mode { EXPORT, IMPORT }

    /** Whether the banner is good news. */
    public enum Verdict { PASSED, FAILED }

    private final WizardModel model;
    private final WizardServices services;
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(Mode.IMPORT);
    private final ReadOnlyObjectWrapper<Verdict> verdict = new ReadOnlyObjectWrapper<>(Verdict.PASSED);
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private final ObservableList<Fact> facts = FXCollections.observableArrayList();
    private final ObservableList<VerificationReport.CollectionCheck> collections = FXCollections.observableArrayList();
    private final ObservableList<VerificationReport.MetadataCheck> metadata = FXCollections.observableArrayList();
    private final ObservableList<String> remarks = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper reportLocation = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper folderMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper folderPath = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper folderOpened = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canGoNext = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper(false);
    private VerificationReport report;
    private Path savedText;
    private Path bundle;

    public SummaryViewModel(WizardModel model, WizardServices services) {
        this.model = model;
        this.services = services;
    }

    @Override
    public ReadOnlyBooleanProperty canGoNextProperty() {
        return canGoNext.getReadOnlyProperty();
    }

    /** An export may go back to its preview; a finished import cannot be taken back from here. */
    @Override
    public ReadOnlyBooleanProperty canGoBackProperty() {
        return canGoBack.getReadOnlyProperty();
    }

    @Override
    public void enter() {
        folderMessage.set("");
        folderPath.set("");
        folderOpened.set(false);
        ImportResult imported = model.importResultProperty().get();
        ExportedBundle exported = model.exportedBundleProperty().get();
        bundle = model.bundleFileProperty().get();
        if (model.getFlow().needsTarget() && imported != null) {
            showImport(imported);
        } else if (exported != null) {
            showExport(exported);
        }
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Verdict> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** "Verification passed", "Bundle written". */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** Which application, where, when. */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** The export's figures. */
    public ObservableList<Fact> facts() {
        return facts;
    }

    /** One check per collection: source (bundle) against target, counts and hashes. */
    public ObservableList<VerificationReport.CollectionCheck> collections() {
        return collections;
    }

    /** One check per metadata collection. */
    public ObservableList<VerificationReport.MetadataCheck> metadata() {
        return metadata;
    }

    /** Problems, warnings and what was put right first, one line each. */
    public ObservableList<String> remarks() {
        return remarks;
    }

    /** Where the report was saved automatically. */
    public ReadOnlyStringProperty reportLocationProperty() {
        return reportLocation.getReadOnlyProperty();
    }

    /** Where the folder asked for is, and whether the file manager took it or it is for the user to open. */
    public ReadOnlyStringProperty folderMessageProperty() {
        return folderMessage.getReadOnlyProperty();
    }

    /** The folder last asked for, so that its path can be copied; empty before. */
    public ReadOnlyStringProperty folderPathProperty() {
        return folderPath.getReadOnlyProperty();
    }

    /** Whether a file manager took the folder last asked for. */
    public ReadOnlyBooleanProperty folderOpenedProperty() {
        return folderOpened.getReadOnlyProperty();
    }

    /** Saves the report where the user chooses: JSON for a {@code .json} name, text otherwise. */
    public void saveReport() {
        if (report == null) {
            return;
        }
        String name = savedText == null ? report.application() + "-import.txt" : savedText.getFileName().toString();
        services.dialogs().chooseFileToSave(new FileRequest(Messages.get("summary.save.title"),
                savedText == null ? null : savedText.getParent(), name,
                List.of(new FileRequest.FileType(Messages.get("summary.save.text"), List.of("*.txt")),
                        new FileRequest.FileType(Messages.get("summary.save.json"), List.of("*.json")))))
                .ifPresent(this::writeReport);
    }

    public void openLogFolder() {
        open(AppHome.root().resolve("logs"));
    }

    public void openBundleFolder() {
        if (bundle != null) {
            open(bundle.toAbsolutePath().getParent());
        }
    }

    /** Back to the Start page, keeping the connections. */
    public void startOver() {
        model.restart();
    }

    private void showImport(ImportResult result) {
        mode.set(Mode.IMPORT);
        canGoBack.set(false);
        report = result.report();
        savedText = result.savedReport() == null ? null : result.savedReport().text();
        verdict.set(report.passed() ? Verdict.PASSED : Verdict.FAILED);
        headline.set(Messages.get(report.passed() ? "summary.import.passed" : "summary.import.failed"));
        detail.set(Messages.format("summary.import.detail", report.application(), report.target(),
                report.collections().size(), report.metadata().size()));
        collections.setAll(report.collections());
        metadata.setAll(report.metadata());
        List<String> lines = new ArrayList<>();
        report.problems().forEach(problem -> lines.add(Messages.format("summary.remark.problem",
                EngineText.translate(problem))));
        result.recovered().forEach(line -> lines.add(Messages.format("summary.remark.recovered",
                EngineText.translate(line))));
        if (result.cleanupWarning() != null) {
            lines.add(Messages.format("summary.remark.cleanup", EngineText.translate(result.cleanupWarning())));
        }
        remarks.setAll(lines);
        reportLocation.set(result.savedReport() == null ? "" : Messages.format("summary.report.saved",
                result.savedReport().text()));
        facts.clear();
    }

    private void showExport(ExportedBundle exported) {
        mode.set(Mode.EXPORT);
        canGoBack.set(true);
        report = null;
        ExportResult result = exported.result();
        Manifest manifest = result.manifest();
        verdict.set(Verdict.PASSED);
        headline.set(Messages.get("summary.export.done"));
        detail.set(Messages.format("summary.export.detail", manifest.application().name(),
                manifest.source().hosts()));
        Manifest.Counts counts = manifest.counts();
        facts.setAll(
                new Fact(Messages.get("summary.fact.file"), result.bundle().toAbsolutePath().toString()),
                new Fact(Messages.get("summary.fact.size"), DataSizes.bytes(exported.fileBytes())),
                new Fact(Messages.get("summary.fact.metadata"), DataSizes.count(counts.metadataDocuments())),
                new Fact(Messages.get("summary.fact.systems"), manifest.databases().stream()
                        .map(database -> database.system() + " (" + database.name() + ")")
                        .reduce((a, b) -> a + ", " + b).orElse(Messages.get("summary.fact.none"))),
                new Fact(Messages.get("summary.fact.data"), Messages.format("summary.fact.data.value",
                        counts.collections(), DataSizes.count(counts.documents()), DataSizes.bytes(counts.bytes()))),
                new Fact(Messages.get("summary.fact.time"), Durations.elapsed(result.elapsed())));
        collections.clear();
        metadata.clear();
        remarks.setAll(manifest.warnings().stream().map(warning -> Messages.format("summary.remark.warning",
                EngineText.translate(warning))).toList());
        reportLocation.set("");
    }

    private void writeReport(Path file) {
        VerificationReport shown = report;
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        services.executor().execute(BackgroundTask.of((listener, cancel) -> {
            // The user chose the name (and agreed to replace a file there): owner-only and complete when it appears.
            PrivateFiles.write(file, (json ? shown.toJson() : shown.toText()).getBytes(StandardCharsets.UTF_8),
                    true);
            return file;
        }).onSuccess(saved -> reportLocation.set(Messages.format("summary.report.savedAs", saved)))
                .onFailure(error -> services.dialogs().showError(Messages.get("summary.save.failed"),
                        ErrorText.readable(error), error)));
    }

    /** Hands {@code folder} to the file manager; where none takes it, the page shows its path to open by hand. */
    private void open(Path folder) {
        services.executor().execute(BackgroundTask.of((listener, cancel) -> {
            PrivateFiles.folder(folder);
            return services.folders().open(folder);
        }).onSuccess(opened -> showFolder(folder, opened)).onFailure(error -> showFolder(folder, false)));
    }

    private void showFolder(Path folder, boolean opened) {
        folderOpened.set(opened);
        folderPath.set(folder.toString());
        folderMessage.set(Messages.format(opened ? "summary.folder.opened" : "summary.folder.open", folder));
    }
}
