package aom.migration.ui;

import java.time.Duration;

/** Durations as the wizard shows them: {@code 0:42}, {@code 12:05}, {@code 1:02:03}. */
public final class Durations {

    private Durations() {
    }

    /** How long something took: tenths of a second under ten seconds ({@code 0.4 s}), else as {@link #clock}. */
    public static String elapsed(Duration duration) {
        if (duration.toMillis() < 10_000) {
            return String.format("%.1f s", Math.max(0, duration.toMillis()) / 1000.0);
        }
        return clock(duration);
    }

    /** Minutes and seconds, with hours in front from one hour on; never negative. */
    public static String clock(Duration duration) {
        long seconds = Math.max(0, (duration.toMillis() + 500) / 1000);
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        return hours > 0 ? String.format("%d:%02d:%02d", hours, minutes, rest)
                : String.format("%d:%02d", minutes, rest);
    }
}
