package aom.migration.ui.pages.pending;

import aom.migration.ui.Messages;
import aom.migration.ui.wizard.PageId;
import aom.migration.ui.wizard.PageViewModel;
import aom.migration.ui.wizard.WizardModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Stands in for a page whose engine is not part of this build yet (export and import progress, preview,
 * confirmation, summary): it says so and lets the user go back, never forward.
 */
public final class PendingViewModel implements PageViewModel {

    private final PageId page;
    private final WizardModel model;
    private final ReadOnlyBooleanWrapper canGoNext = new ReadOnlyBooleanWrapper(false);

    public PendingViewModel(PageId page, WizardModel model) {
        this.page = page;
        this.model = model;
    }

    @Override
    public ReadOnlyBooleanProperty canGoNextProperty() {
        return canGoNext.getReadOnlyProperty();
    }

    public String title() {
        return Messages.get(page.titleKey());
    }

    /** The bundle the page would work on, if one is chosen. */
    public StringBinding bundleText() {
        return Bindings.createStringBinding(() -> model.bundleFileProperty().get() == null ? ""
                : Messages.format("pending.bundle", model.bundleFileProperty().get()), model.bundleFileProperty());
    }
}
