package aom.migration.cli;

import java.util.Locale;

/** Byte counts and durations as a support engineer reads them on a terminal. */
final class Sizes {

    private Sizes() {
    }

    /** {@code 512 B}, {@code 12.3 KB}, {@code 4.5 MB}, {@code 1.2 GB}. */
    static String bytes(long bytes) {
        if (bytes < 0) {
            return "?";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** {@code 3 documents}, {@code 1 document}; {@code plural} is used as given. */
    static String count(long count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }

    /** The English plural of a label ({@code class} -> {@code classes}). */
    static String plural(String label) {
        if (label.endsWith("s") || label.endsWith("x") || label.endsWith("ch") || label.endsWith("sh")) {
            return label + "es";
        }
        if (label.endsWith("y") && label.length() > 1 && "aeiou".indexOf(label.charAt(label.length() - 2)) < 0) {
            return label.substring(0, label.length() - 1) + "ies";
        }
        return label + "s";
    }
}
