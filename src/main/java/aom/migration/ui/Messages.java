package aom.migration.ui;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The wizard's visible texts, from {@code i18n/messages*.properties}. Texts with arguments go through
 * {@link MessageFormat} (so a literal apostrophe in them is written {@code ''}); texts without are used as they are,
 * as FXML does with {@code %key}.
 */
public final class Messages {

    private Messages() {
    }

    /** The text of {@code key}; a missing key fails loudly, so a typo shows in the first test that uses it. */
    public static String get(String key) {
        try {
            return bundle().getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("Missing message '" + key + "' in " + e.getClassName(), e);
        }
    }

    /** The text of {@code key} with {@code {0}}, {@code {1}}, ... replaced by {@code arguments}. */
    public static String format(String key, Object... arguments) {
        ResourceBundle bundle = bundle();
        return new MessageFormat(get(key), bundle.getLocale()).format(arguments);
    }

    public static ResourceBundle bundle() {
        return Resources.messages();
    }
}
