package aom.migration.ui;

import java.util.Locale;

/** The languages the wizard speaks: the message bundles it has. */
public enum Language {
    ENGLISH(Locale.ENGLISH),
    GERMAN(Locale.GERMAN);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** The language's own name ("Deutsch"), as a language menu shows it whatever the current language. */
    public String displayName() {
        return Messages.get("language." + locale.getLanguage());
    }

    /** The wizard's language for {@code locale}: German for German, English for everything else. */
    public static Language of(Locale locale) {
        return locale != null && locale.getLanguage().equals(GERMAN.locale.getLanguage()) ? GERMAN : ENGLISH;
    }
}
