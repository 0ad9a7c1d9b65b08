package aom.migration.progress;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Passes a job's progress on and notices collections whose documents moved while they were read: the count the
 * server gave when the job planned (the first total reported) against the documents the job then read. An export
 * reads collection after collection without a snapshot, so such a bundle is not a copy of one moment.
 */
public final class CountDrift implements ProgressListener {

    /** How many moved collections the note names; the rest are counted. */
    static final int NAMED = 3;

    private final ProgressListener next;
    private final Map<String, long[]> counts = new TreeMap<>();

    public CountDrift(ProgressListener next) {
        this.next = next;
    }

    @Override
    public void onProgress(ProgressEvent event) {
        if (event.namespace() != null && event.message() == null) {
            synchronized (counts) {
                long[] seen = counts.computeIfAbsent(event.namespace(), namespace -> new long[] {-1, 0});
                if (seen[0] < 0) {
                    seen[0] = event.documentsTotal();
                }
                seen[1] = event.documentsDone();
            }
        }
        next.onProgress(event);
    }

    /**
     * A sentence naming the collections whose counts moved during the job, or empty when none did (or the server
     * gave no counts).
     */
    public Optional<String> note() {
        List<String> moved = new ArrayList<>();
        synchronized (counts) {
            counts.forEach((namespace, seen) -> {
                if (seen[0] >= 0 && seen[0] != seen[1]) {
                    moved.add(namespace + " (" + seen[0] + " when the export started, " + seen[1] + " read)");
                }
            });
        }
        if (moved.isEmpty()) {
            return Optional.empty();
        }
        String named = String.join(", ", moved.subList(0, Math.min(NAMED, moved.size())))
                + (moved.size() > NAMED ? " and " + (moved.size() - NAMED) + " more" : "");
        return Optional.of("The source changed while it was exported: " + named + ". The bundle holds each"
                + " collection as it was when it was read, not the installation at one moment; export again when"
                + " nothing writes to the source for a copy that is.");
    }
}
