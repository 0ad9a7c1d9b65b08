package aom.migration.progress;

import java.time.Duration;
import java.util.Optional;

/**
 * One immutable snapshot of a job's progress.
 *
 * <p>{@code namespace} is the collection being worked on ({@code db.collection}), or {@code null} for the overall
 * figures. Totals are {@code -1} when unknown. {@code message} is a log line for the user, or {@code null}.
 */
public record ProgressEvent(
        Phase phase,
        String namespace,
        long documentsDone,
        long documentsTotal,
        long bytesDone,
        long bytesTotal,
        double bytesPerSecond,
        double documentsPerSecond,
        Duration eta,
        Level level,
        String message) {

    /** How important a message is. */
    public enum Level { INFO, WARNING, ERROR }

    /** A plain message without figures. */
    public static ProgressEvent message(Phase phase, Level level, String message) {
        return new ProgressEvent(phase, null, 0, -1, 0, -1, 0, 0, null, level, message);
    }

    /** Whether this event carries the job's overall figures rather than one collection's. */
    public boolean isOverall() {
        return namespace == null;
    }

    /** Fraction done between 0 and 1 (by bytes when known, else by documents), or -1 when unknown. */
    public double fraction() {
        if (bytesTotal > 0) {
            return Math.min(1.0, (double) bytesDone / bytesTotal);
        }
        if (documentsTotal > 0) {
            return Math.min(1.0, (double) documentsDone / documentsTotal);
        }
        return -1;
    }

    public Optional<Duration> etaIfKnown() {
        return Optional.ofNullable(eta);
    }
}
