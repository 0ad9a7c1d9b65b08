package aom.migration.ui.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * What the wizard remembers of how it was last used, in {@code wizard.json} of the settings folder: the language
 * chosen in the wizard (none: the system's) and the window's last size. Does file work: load it before the window
 * opens, save it from a background thread.
 *
 * @param language  the language tag chosen in the wizard ({@code en}, {@code de}), or {@code null}
 * @param width     the window's last width (not maximised), or 0 when never saved
 * @param height    the window's last height (not maximised), or 0 when never saved
 * @param maximized whether the window was maximised when it closed
 */
public record WizardSettings(String language, double width, double height, boolean maximized) {

    static final String FILE_NAME = "wizard.json";

    /** Nothing remembered yet. */
    public static final WizardSettings NONE = new WizardSettings(null, 0, 0, false);

    /** The settings in {@code settingsDirectory}, or {@link #NONE} when there are none (or they cannot be read). */
    public static WizardSettings load(Path settingsDirectory) {
        return SettingsFile.read(settingsDirectory.resolve(FILE_NAME), WizardSettings.class).orElse(NONE);
    }

    /** Replaces the settings file in {@code settingsDirectory} with these settings. */
    public void save(Path settingsDirectory) {
        SettingsFile.write(settingsDirectory.resolve(FILE_NAME), this, false);
    }

    /** The language chosen in the wizard, if one was. */
    public Optional<Locale> locale() {
        return language == null || language.isBlank() ? Optional.empty()
                : Optional.of(Locale.forLanguageTag(language));
    }

    /** Whether a window size was saved. */
    public boolean hasSize() {
        return width > 0 && height > 0;
    }

    public WizardSettings withLanguage(Locale locale) {
        return new WizardSettings(locale.getLanguage(), width, height, maximized);
    }

    public WizardSettings withSize(double newWidth, double newHeight, boolean isMaximized) {
        return new WizardSettings(language, newWidth, newHeight, isMaximized);
    }
}
