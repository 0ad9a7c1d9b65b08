package aom.migration.ui;

import java.text.NumberFormat;
import java.util.Locale;

/** Document counts and byte sizes as the wizard shows them: {@code 12,345} and {@code 4.2 MB}. */
public final class DataSizes {

    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB"};

    private DataSizes() {
    }

    /** {@code bytes} in the largest unit that keeps the number at or above 1, with one decimal from KB on. */
    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        NumberFormat format = NumberFormat.getNumberInstance(Locale.getDefault());
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(value) + " " + UNITS[unit];
    }

    /** A count with the locale's grouping, e.g. {@code 12,345}. */
    public static String count(long count) {
        return NumberFormat.getIntegerInstance(Locale.getDefault()).format(count);
    }
}
