package aom.migration.restore;

import java.util.List;
import java.util.Optional;

/**
 * How an import ended.
 *
 * @param plan            the plan that was carried out (after any recovery)
 * @param dryRun          whether only the plan was made
 * @param recovered       what was found of an interrupted earlier import and put right first, one line each
 * @param report          the verification report, or {@code null} for a dry run
 * @param savedReport     where the report was saved, or {@code null}
 * @param cleanupWarning  when the import is complete but dropping the set-aside collections failed: why, and that
 *                        the next run finishes it; otherwise {@code null}
 */
public record ImportResult(ImportPlan plan, boolean dryRun, List<String> recovered, VerificationReport report,
                           VerificationReport.Saved savedReport, String cleanupWarning) {

    public ImportResult {
        recovered = List.copyOf(recovered);
    }

    public Optional<VerificationReport> reportIfVerified() {
        return Optional.ofNullable(report);
    }
}
