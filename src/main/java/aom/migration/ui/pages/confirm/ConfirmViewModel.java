package aom.migration.ui.pages.confirm;

import aom.migration.model.SystemKind;
import aom.migration.mongo.ConnectionSettings;
import aom.migration.mongo.InstanceHosts;
import aom.migration.restore.ImportPlan;
import aom.migration.restore.InterruptedImport;
import aom.migration.restore.Placement;
import aom.migration.restore.SystemPlan;
import aom.migration.session.ImportChoice;
import aom.migration.session.OpenedBundle;
import aom.migration.session.PlanFigures;
import aom.migration.session.PlannedImport;
import aom.migration.ui.DataSizes;
import aom.migration.ui.EngineText;
import aom.migration.ui.Messages;
import aom.migration.ui.dialog.ErrorText;
import aom.migration.ui.task.BackgroundTask;
import aom.migration.ui.wizard.PageViewModel;
import aom.migration.ui.wizard.WizardModel;
import aom.migration.ui.wizard.WizardServices;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Confirm page: plans the import against the target as it is now (writing nothing) and shows what it will
 * replace or drop, with the target's current document counts; the metadata merge; warnings; what to import and the
 * password reset. Import stays disabled until the application's name is typed exactly and the plan has no problem.
 */
public final class ConfirmViewModel implements PageViewModel {

    /** A planned import with what the page shows of it, derived in the background. */
    private record ShownPlan(PlannedImport planned, PlanFigures figures, List<DropWarning> drops,
                             List<PlanNote> notes) {

        static ShownPlan of(PlannedImport planned) {
            ImportPlan plan = planned.plan();
            return new ShownPlan(planned, PlanFigures.of(plan), DropWarning.of(plan), notesOf(plan));
        }
    }

    private final WizardModel model;
    private final WizardServices services;
    private final BooleanProperty metadata = new SimpleBooleanProperty(true);
    private final ReadOnlyBooleanWrapper metadataAvailable = new ReadOnlyBooleanWrapper();
    private final Map<SystemKind, BooleanProperty> systems = new EnumMap<>(SystemKind.class);
    private final Map<SystemKind, ReadOnlyBooleanWrapper> systemAvailable = new EnumMap<>(SystemKind.class);
    private final BooleanProperty resetPasswords = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<Placement> placement = new ReadOnlyObjectWrapper<>(Placement.AS_IS);
    private final ReadOnlyStringWrapper placementText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<InterruptedImport.Resumable> resumable = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty resume = new SimpleBooleanProperty(true);
    private final StringProperty typedName = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper application = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(Messages.get("confirm.title"));
    private final ReadOnlyStringWrapper targetText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper planning = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper planError = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<ImportPlan> plan = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PlanFigures> figures = new ReadOnlyObjectWrapper<>();
    private final ObservableList<DropWarning> dropWarnings = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper dropSummary = new ReadOnlyStringWrapper("");
    private final ObservableList<PlanNote> notes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper canGoNext = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper nextLabel = new ReadOnlyStringWrapper(Messages.get("confirm.next"));
    private OpenedBundle bundle;
    private BackgroundTask<ShownPlan> planTask;
    private boolean updatingChoices;

    public ConfirmViewModel(WizardModel model, WizardServices services) {
        this.model = model;
        this.services = services;
        for (SystemKind system : SystemKind.values()) {
            BooleanProperty chosen = new SimpleBooleanProperty();
            chosen.addListener(observable -> choiceChanged());
            systems.put(system, chosen);
            systemAvailable.put(system, new ReadOnlyBooleanWrapper());
        }
        metadata.addListener(observable -> choiceChanged());
        resetPasswords.addListener(observable -> choiceChanged());
        resume.addListener(observable -> choiceChanged());
        reason.bind(Bindings.createStringBinding(this::whyNot, typedName, planning, planError, plan, application));
        canGoNext.bind(reason.isNull());
    }

    @Override
    public ReadOnlyBooleanProperty canGoNextProperty() {
        return canGoNext.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty nextLabelProperty() {
        return nextLabel.getReadOnlyProperty();
    }

    /** Plans anew every time: the target may have changed since. The typed name must be typed again. */
    @Override
    public void enter() {
        typedName.set("");
        OpenedBundle opened = model.openedBundleProperty().get();
        if (opened != bundle) {
            bundle = opened;
            offer(opened);
        }
        replan();
    }

    private void updateTitle() {
        ConnectionSettings target = model.connections().targetProperty().get();
        title.set(Messages.format("confirm.title.app", application.get(), target == null ? "?" : target.hostsOnly()));
    }

    public BooleanProperty metadataProperty() {
        return metadata;
    }

    /** Whether the bundle holds metadata at all. */
    public ReadOnlyBooleanProperty metadataAvailableProperty() {
        return metadataAvailable.getReadOnlyProperty();
    }

    public BooleanProperty systemProperty(SystemKind system) {
        return systems.get(system);
    }

    /** Whether the bundle holds {@code system}'s data. */
    public ReadOnlyBooleanProperty systemAvailableProperty(SystemKind system) {
        return systemAvailable.get(system).getReadOnlyProperty();
    }

    public BooleanProperty resetPasswordsProperty() {
        return resetPasswords;
    }

    /** Under which name and into which systems the import puts the application (DESIGN.md section 7). */
    public ReadOnlyObjectProperty<Placement> placementProperty() {
        return placement.getReadOnlyProperty();
    }

    /** The placement in words ("as ConferenceCopy; LIVE into STAGING"), empty when as the bundle has it. */
    public ReadOnlyStringProperty placementTextProperty() {
        return placementText.getReadOnlyProperty();
    }

    /** Asks where to put the application (name, systems) and plans again with the answer. */
    public void choosePlacement() {
        if (bundle == null) {
            return;
        }
        services.dialogs().askPlacement(bundle.application(), choice().systems(), placement.get())
                .ifPresent(this::place);
    }

    /** Puts the application where {@code chosen} says, and plans again. */
    void place(Placement chosen) {
        placement.set(chosen);
        application.set(chosen.nameFor(bundle.application()));
        placementText.set(describe(chosen));
        updateTitle();
        replan();
    }

    private String describe(Placement chosen) {
        List<String> parts = new ArrayList<>();
        if (chosen.name() != null) {
            parts.add(Messages.format("confirm.placement.as", chosen.name()));
        }
        chosen.moves().forEach((from, into) -> parts.add(Messages.format("confirm.placement.into", from, into)));
        return String.join("; ", parts);
    }

    /** The interrupted import of this bundle the target holds, which can be resumed; {@code null} when none. */
    public ReadOnlyObjectProperty<InterruptedImport.Resumable> resumableProperty() {
        return resumable.getReadOnlyProperty();
    }

    /** Whether to resume that import ({@code true}) or roll it back and start over. */
    public BooleanProperty resumeProperty() {
        return resume;
    }

    /** What the user typed to confirm; must equal {@link #applicationProperty()}. */
    public StringProperty typedNameProperty() {
        return typedName;
    }

    /** The application's name, to be typed. */
    public ReadOnlyStringProperty applicationProperty() {
        return application.getReadOnlyProperty();
    }

    /** "Import ConferenceApp into db1:27017". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The target's server, how collections are swapped, where the metadata is saved first. */
    public ReadOnlyStringProperty targetTextProperty() {
        return targetText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty planningProperty() {
        return planning.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ImportPlan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PlanFigures> figuresProperty() {
        return figures.getReadOnlyProperty();
    }

    /** Every target collection replaced or dropped and every metadata entity removed. */
    public ObservableList<DropWarning> dropWarnings() {
        return dropWarnings;
    }

    /** "16 collections with 288 documents are replaced or dropped" and the like. */
    public ReadOnlyStringProperty dropSummaryProperty() {
        return dropSummary.getReadOnlyProperty();
    }

    /** Warnings, leftovers of an interrupted import, new databases, plan problems: one line each. */
    public ObservableList<PlanNote> notes() {
        return notes;
    }

    /** Why Import is disabled, or {@code null} when it is enabled. */
    public ReadOnlyStringProperty reasonProperty() {
        return reason.getReadOnlyProperty();
    }

    /** The choice as it is now. */
    public ImportChoice choice() {
        Set<SystemKind> chosen = EnumSet.noneOf(SystemKind.class);
        systems.forEach((system, selected) -> {
            if (selected.get() && systemAvailable.get(system).get()) {
                chosen.add(system);
            }
        });
        return new ImportChoice(chosen, metadata.get() && metadataAvailable.get(), resetPasswords.get(),
                placement.get(), resume.get() && resumable.get() != null);
    }

    private void offer(OpenedBundle opened) {
        updatingChoices = true;
        try {
            ImportChoice everything = opened == null ? new ImportChoice(Set.of(), false, false)
                    : ImportChoice.everythingIn(opened);
            application.set(opened == null ? "" : opened.application());
            placement.set(Placement.AS_IS);
            placementText.set("");
            resumable.set(null);
            resume.set(true);
            updateTitle();
            metadataAvailable.set(everything.metadata());
            metadata.set(everything.metadata());
            for (SystemKind system : SystemKind.values()) {
                systemAvailable.get(system).set(everything.systems().contains(system));
                systems.get(system).set(everything.systems().contains(system));
            }
            resetPasswords.set(false);
        } finally {
            updatingChoices = false;
        }
    }

    private void choiceChanged() {
        if (!updatingChoices && bundle != null) {
            replan();
        }
    }

    private void replan() {
        if (planTask != null) {
            planTask.cancel();
        }
        ConnectionSettings target = model.connections().targetProperty().get();
        InstanceHosts hosts = InstanceHosts.of(new HashMap<>(model.connections().targetInstanceHosts()));
        ImportChoice choice = choice();
        showPlan(null, null);
        if (bundle == null || target == null || choice.isEmpty()) {
            planTask = null;
            planning.set(false);
            model.forgetPlannedImport();
            return;
        }
        planning.set(true);
        OpenedBundle from = bundle;
        BackgroundTask<ShownPlan> task = BackgroundTask.of((listener, cancel) ->
                ShownPlan.of(PlannedImport.plan(target, hosts, from, choice, cancel)));
        planTask = task;
        services.executor().execute(task
                .onSuccess(shown -> {
                    if (planTask == task) {
                        model.importPlanned(shown.planned());
                        showPlan(shown, null);
                    } else {
                        closeLater(shown.planned());
                    }
                })
                .onFailure(error -> {
                    if (planTask == task) {
                        model.forgetPlannedImport();
                        showPlan(null, ErrorText.readable(error));
                    }
                })
                .onFinished(() -> {
                    if (planTask == task) {
                        planning.set(false);
                    }
                }));
    }

    private void showPlan(ShownPlan planned, String error) {
        planError.set(error);
        ImportPlan shown = planned == null ? null : planned.planned().plan();
        plan.set(shown);
        if (shown != null) {
            // Kept while planning again: choosing between resume and start over must not make the choice vanish.
            resumable.set(shown.resumable().orElse(null));
        }
        figures.set(planned == null ? null : planned.figures());
        dropWarnings.setAll(planned == null ? List.of() : planned.drops());
        List<PlanNote> lines = new ArrayList<>();
        if (shown != null) {
            shown.systemHosts().forEach((system, host) -> lines.add(note(PlanNote.Kind.OWN_HOST,
                    "confirm.note.ownHost", system, host)));
            lines.addAll(planned.notes());
        }
        notes.setAll(lines);
        targetText.set(shown == null ? "" : Messages.format("confirm.target", shown.targetServer().describe(),
                Messages.get("confirm.swap." + shown.swapStrategy().name())));
        long collections = dropWarnings.stream().filter(DropWarning::isCollection).count();
        long documents = dropWarnings.stream().filter(DropWarning::isCollection)
                .mapToLong(DropWarning::targetDocuments).sum();
        long entities = dropWarnings.size() - collections;
        dropSummary.set(shown == null ? "" : dropWarnings.isEmpty() ? Messages.get("confirm.drops.none")
                : Messages.format("confirm.drops.summary", collections, DataSizes.count(documents), entities));
    }

    private static List<PlanNote> notesOf(ImportPlan plan) {
        List<PlanNote> lines = new ArrayList<>();
        plan.problems().forEach(problem -> lines.add(note(PlanNote.Kind.PROBLEM, "confirm.note.problem",
                EngineText.translate(problem))));
        plan.leftovers().forEach(leftover -> lines.add(note(PlanNote.Kind.LEFTOVER, "confirm.note.leftover",
                leftover)));
        for (SystemPlan system : plan.systems()) {
            if (!system.targetExists()) {
                lines.add(note(PlanNote.Kind.NEW_DATABASE, "confirm.note.newDatabase", system.targetDatabase(),
                        system.system()));
            }
        }
        plan.warnings().forEach(warning -> lines.add(note(PlanNote.Kind.WARNING, "confirm.note.warning",
                EngineText.translate(warning))));
        plan.rollbackFile().ifPresent(file -> lines.add(note(PlanNote.Kind.ROLLBACK, "confirm.note.rollback",
                file)));
        return lines;
    }

    private static PlanNote note(PlanNote.Kind kind, String key, Object... arguments) {
        return new PlanNote(kind, Messages.format(key, arguments));
    }

    private String whyNot() {
        ImportPlan shown = plan.get();
        if (planning.get()) {
            return Messages.get("confirm.reason.planning");
        }
        if (planError.get() != null) {
            return Messages.format("confirm.reason.planFailed", planError.get());
        }
        if (shown == null) {
            return Messages.get("confirm.reason.nothing");
        }
        if (!shown.canProceed()) {
            return Messages.format("confirm.reason.problems", String.join("; ",
                    shown.problems().stream().map(EngineText::translate).toList()));
        }
        if (!application.get().equals(typedName.get())) {
            return Messages.format("confirm.reason.type", application.get());
        }
        return null;
    }

    private void closeLater(PlannedImport planned) {
        services.executor().execute(BackgroundTask.of((listener, cancel) -> {
            planned.close();
            return null;
        }));
    }
}
