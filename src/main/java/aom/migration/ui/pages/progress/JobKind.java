package aom.migration.ui.pages.progress;

import aom.migration.progress.Phase;
import aom.migration.progress.ProgressEvent;

import java.util.List;

/**
 * The two long jobs of the wizard, with the phases each passes through and how far along the whole job is in each
 * phase. The import's own counters restart in every phase, so its overall progress is weighted by phase: loading
 * the data is most of the work.
 */
public enum JobKind {
    EXPORT(List.of(Phase.CONNECT, Phase.PLAN, Phase.METADATA, Phase.DATA), List.of(Phase.METADATA, Phase.DATA)),
    IMPORT(List.of(Phase.PLAN, Phase.LOAD, Phase.INDEXES, Phase.MERGE, Phase.SWAP, Phase.VERIFY, Phase.CLEANUP),
            List.of(Phase.LOAD));

    private static final double LOAD_START = 0.02;
    private static final double LOAD_SHARE = 0.78;

    private final List<Phase> phases;
    private final List<Phase> transferPhases;

    JobKind(List<Phase> phases, List<Phase> transferPhases) {
        this.phases = phases;
        this.transferPhases = transferPhases;
    }

    /** The phases shown as steps, in order. */
    public List<Phase> phases() {
        return phases;
    }

    /** Whether documents move in {@code phase}, so that rates and an ETA mean something. */
    public boolean transfers(Phase phase) {
        return transferPhases.contains(phase);
    }

    /**
     * The whole job's progress (0-1) when {@code latest} is its newest overall figure in {@code phase}, or -1 while
     * it cannot be told (connecting, planning).
     */
    public double overall(Phase phase, ProgressEvent latest) {
        if (phase == Phase.DONE) {
            return 1;
        }
        return this == EXPORT ? exportOverall(phase, latest) : importOverall(phase, latest);
    }

    private static double exportOverall(Phase phase, ProgressEvent latest) {
        if (latest == null || (phase != Phase.METADATA && phase != Phase.DATA)) {
            return -1;
        }
        // Documents, not bytes: the metadata's bytes are not known up front, its documents are.
        if (latest.documentsTotal() > 0) {
            return Math.min(1, (double) latest.documentsDone() / latest.documentsTotal());
        }
        return latest.fraction();
    }

    private static double importOverall(Phase phase, ProgressEvent latest) {
        return switch (phase) {
            case LOAD -> LOAD_START + LOAD_SHARE * Math.max(0, latest == null ? 0 : latest.fraction());
            case INDEXES -> 0.80;
            case MERGE -> 0.85;
            case SWAP -> 0.90;
            case VERIFY -> 0.93;
            case CLEANUP -> 0.98;
            default -> -1;
        };
    }
}
