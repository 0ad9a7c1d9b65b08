package aom.migration.restore;

import aom.migration.model.ExtractionProfile;
import aom.migration.model.SystemKind;
import aom.migration.mongo.SystemHosts;
import aom.migration.progress.Phase;
import aom.migration.progress.ProgressListener;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An interrupted import taken up again ({@code import --resume}, DESIGN.md sections 5 and 7): the same bundle into
 * the same target. Whatever the interrupted import had changed live (the swap, the metadata merge) is put back and
 * checked first; its staging collections stay, with what the journal recorded of them, so that the new run keeps
 * those it had loaded and verified whole and goes on after the documents the target acknowledged in the others.
 * Everything after the load runs as in a fresh import.
 */
final class ResumedImport {

    private final ImportJournal journal;
    private final String startedAt;
    private final List<JournalEntry> before;
    private final List<String> newDatabases;

    private ResumedImport(ImportJournal journal) {
        this.journal = journal;
        this.startedAt = journal.startedAt().toString();
        this.before = journal.entries();
        this.newDatabases = journal.newDatabases();
    }

    /**
     * Takes up the import whose journal {@code journal} was taken over: refuses where it cannot be resumed, puts
     * back what it changed live (checked), and leaves the journal as while it loaded.
     *
     * @param bundle the fingerprint of the bundle this run imports
     * @throws ResumeRefusedException in one sentence, changing nothing, where there is nothing to resume or the
     *                                interrupted import was of another bundle
     */
    static ResumedImport takeUp(ImportJournal journal, String application, String bundle, SystemHosts targets,
                                ExtractionProfile profile, ProgressListener listener) {
        if (!journal.takenOver()) {
            throw new ResumeRefusedException("There is no interrupted import of " + application + " in this target"
                    + " to resume; run the import without --resume.");
        }
        if (bundle == null) {
            throw new ResumeRefusedException("Only the import of a bundle can be resumed: a dump carries no"
                    + " checksums to tell that it is the same one. Run the import without --resume to roll the"
                    + " interrupted one back and start over.");
        }
        if (journal.legacy() || journal.tag().isEmpty()) {
            throw new ResumeRefusedException("The interrupted import of " + application + " was made by an earlier"
                    + " version of this tool, which did not record enough to resume it. Run the import without"
                    + " --resume to roll it back and start over.");
        }
        if (!bundle.equals(journal.bundle())) {
            throw new ResumeRefusedException("The interrupted import of " + application + " in this target, started "
                    + journal.startedAt() + ", was of another bundle (or of the same bundle with other systems or"
                    + " options); resume it with that bundle, or run the import without --resume to roll it back and"
                    + " start over.");
        }
        Map<SystemKind, MongoClient> hosts = new EnumMap<>(SystemKind.class);
        journal.systemHosts().forEach((system, where) -> hosts.put(system, targets.clientAt(where)
                .orElseThrow(() -> new ResumeRefusedException("The interrupted import of " + application + " wrote"
                        + " its " + system + " data to " + where + ", which this run was not given; give it that"
                        + " host to resume."))));
        if (journal.state() == ImportJournal.State.COMMITTED) {
            new ImportRollback(targets.main(), system -> hosts.getOrDefault(system, targets.main()), profile,
                    ImportOptions.defaults()).rollForward(journal);
            throw new ResumeRefusedException("The interrupted import of " + application + " had been verified and"
                    + " committed; its clean-up is finished now, and there is nothing to resume.");
        }
        if (journal.state() == ImportJournal.State.MERGING || journal.state() == ImportJournal.State.SWAPPING) {
            listener.info(Phase.PLAN, "Putting back what the interrupted import of " + application + " had changed"
                    + " live, keeping its staging collections");
            RollbackProof proof = new ImportRollback(targets.main(), system -> hosts.getOrDefault(system,
                    targets.main()), profile, ImportOptions.defaults()).rewind(journal);
            if (!proof.passed()) {
                throw new ImportFailedException("The interrupted import of " + application + " could not be resumed:"
                        + " after putting back what it had changed live, the target does not match what was recorded"
                        + " before: " + String.join("; ", proof.differences()) + " (checked: " + proof.checked()
                        + "). Nothing was deleted. Look at the differences before you run the import again.");
            }
            listener.info(Phase.PLAN, "Put back and checked: " + proof.checked());
        }
        return new ResumedImport(journal);
    }

    /** What was found, for the result's "recovered" lines. */
    List<String> describe() {
        long complete = before.stream().filter(entry -> entry.load().complete()).count();
        long loads = before.stream().filter(entry -> entry.staging() != null).count();
        return List.of("Resuming the interrupted import started " + startedAt + ": " + complete + " of " + loads
                + " collection(s) already loaded and verified.");
    }

    /**
     * The plan's entries with what the interrupted attempt recorded of each staging collection of the same name;
     * staging collections the plan no longer names are dropped here (they are this import's own).
     */
    List<JournalEntry> merge(List<JournalEntry> planned, SystemHosts targets) {
        Set<String> names = new LinkedHashSet<>();
        List<JournalEntry> merged = new ArrayList<>();
        for (JournalEntry entry : planned) {
            JournalEntry.Load load = before.stream().filter(old -> entry.staging() != null
                            && entry.staging().equals(old.staging()) && entry.database().equals(old.database()))
                    .findFirst().map(JournalEntry::load).orElse(JournalEntry.Load.NONE);
            merged.add(entry.with(load));
            names.add(entry.database() + "." + entry.staging());
        }
        for (JournalEntry old : before) {
            if (old.staging() != null && !names.contains(old.database() + "." + old.staging())) {
                MongoDatabase database = targets.client(old.system()).getDatabase(old.database());
                if (Namespaces.names(database).contains(old.staging())) {
                    journal.confirm();
                    database.getCollection(old.staging()).drop();
                }
            }
        }
        return merged;
    }

    /** The databases the interrupted attempt created, with those this run creates. */
    List<String> newDatabases(List<String> now) {
        Set<String> all = new LinkedHashSet<>(newDatabases);
        all.addAll(now);
        return new ArrayList<>(all);
    }

    /** What the report says of the resume, from what the load did with each collection. */
    String note(Map<String, DatabaseImporter.Loaded> loaded) {
        long whole = loaded.values().stream().filter(DatabaseImporter.Loaded::whole).count();
        List<DatabaseImporter.Loaded> partial = loaded.values().stream()
                .filter(load -> !load.whole() && load.kept() > 0).toList();
        long kept = partial.stream().mapToLong(DatabaseImporter.Loaded::kept).sum();
        long fresh = loaded.size() - whole - partial.size();
        return "resumed the interrupted import started " + startedAt + ": " + whole + " collection(s) kept as loaded"
                + " and verified, " + partial.size() + " went on after " + kept + " document(s) the target had"
                + " acknowledged, " + fresh + " loaded from the start";
    }
}
