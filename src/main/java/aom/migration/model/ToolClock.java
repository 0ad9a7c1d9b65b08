package aom.migration.model;

import java.time.Duration;
import java.time.Instant;

/**
 * The time of this computer as the tool writes it into journals, file names and reports. Nothing that decides
 * whether an import is alive reads it (the target server's clock does that, DESIGN.md section 5): a computer whose
 * clock is minutes off must be as safe as any other. The system property {@code aom.clockOffset} (an ISO-8601
 * duration, e.g. {@code PT10M}) shifts it, so that tests can play such a computer.
 */
public final class ToolClock {

    private ToolClock() {
    }

    public static Instant now() {
        String offset = System.getProperty("aom.clockOffset");
        return offset == null || offset.isBlank() ? Instant.now() : Instant.now().plus(Duration.parse(offset));
    }
}
