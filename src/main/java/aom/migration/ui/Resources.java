package aom.migration.ui;

import java.net.URL;
import java.util.Locale;
import java.util.ResourceBundle;

/** Looks up the wizard's resources and fails loudly with the missing path instead of a NullPointerException. */
public final class Resources {

    private static final String ROOT = "/aom/migration/ui/";

    private Resources() {
    }

    /** The URL of {@code path}, relative to {@code /aom/migration/ui/}. */
    public static URL url(String path) {
        URL url = Resources.class.getResource(ROOT + path);
        if (url == null) {
            throw new IllegalStateException("Missing resource " + ROOT + path);
        }
        return url;
    }

    /** The wizard's texts in the default locale. */
    public static ResourceBundle messages() {
        return ResourceBundle.getBundle("aom.migration.ui.i18n.messages", Locale.getDefault());
    }
}
