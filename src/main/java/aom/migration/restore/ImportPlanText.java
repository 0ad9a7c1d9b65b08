package aom.migration.restore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders an {@link ImportPlan} for a terminal: what happens, what is lost, what to watch out for. */
final class ImportPlanText {

    private final ImportPlan plan;
    private final StringBuilder text = new StringBuilder();

    ImportPlanText(ImportPlan plan) {
        this.plan = plan;
    }

    String render() {
        line("Import plan for " + plan.application() + " into " + plan.targetHosts() + " ("
                + plan.targetServer().describe() + ")");
        line(plan.swapStrategy() == SwapStrategy.COPY
                ? "Swap: copy (live collections are copied aside, dropped and loaded; kept until verified)"
                : "Swap: rename (live collections are renamed aside and dropped only after verification; where a"
                + " check at the start finds that the server's rename does not keep the data, they are copied)");
        if (!plan.placement().isEmpty()) {
            line("Placement: " + String.join("; ", plan.placement()));
        }
        if (!plan.leftovers().isEmpty()) {
            blank();
            line("An earlier import was interrupted:");
            plan.leftovers().forEach(leftover -> line("  " + leftover));
            plan.resumable().ifPresent(resumable -> line("  It was of this same bundle and can be resumed ("
                    + resumable.complete() + " of " + resumable.loads() + " collection(s) already loaded and"
                    + " verified): run the import with --resume to go on from there; without it, the import rolls"
                    + " it back and starts over."));
        }
        for (SystemPlan system : plan.systems()) {
            blank();
            line(system.system() + ": " + (system.sourceDatabase() == null ? "" : system.sourceDatabase() + " -> ")
                    + system.targetDatabase() + (system.targetHost() == null ? "" : " on " + system.targetHost()
                    + " (its own host)") + (system.targetExists() ? "" : " (new database)"));
            if (system.collections().isEmpty()) {
                line("  (no collections)");
            }
            int width = system.collections().stream().mapToInt(c -> c.collection().length()).max().orElse(10);
            for (CollectionChange change : system.collections()) {
                line(String.format("  %-8s %-" + width + "s  %s", change.action().label(), change.collection(),
                        counts(change)));
            }
        }
        plan.metadata().ifPresent(this::metadata);
        List<String> drops = plan.dropWarnings();
        if (!drops.isEmpty()) {
            blank();
            line("Drop warnings:");
            drops.forEach(drop -> line("  " + drop));
        }
        if (!plan.warnings().isEmpty()) {
            blank();
            line("Warnings:");
            plan.warnings().forEach(warning -> line("  - " + warning));
        }
        if (!plan.problems().isEmpty()) {
            blank();
            line("The import cannot start:");
            plan.problems().forEach(problem -> line("  - " + problem));
        }
        return text.toString();
    }

    private void metadata(MetadataMergePlan metadata) {
        blank();
        List<String> counts = new ArrayList<>();
        metadata.counts().forEach((outcome, count) -> {
            if (count > 0) {
                counts.add(count + " " + outcome.label());
            }
        });
        line("Metadata (" + metadata.database() + "): " + (counts.isEmpty() ? "nothing" : String.join(", ", counts)));
        Map<String, List<EntityChange>> byCollection = new LinkedHashMap<>();
        for (EntityChange change : metadata.changes()) {
            byCollection.computeIfAbsent(change.collection(), c -> new ArrayList<>()).add(change);
        }
        byCollection.forEach((collection, changes) -> {
            line("  " + collection);
            for (EntityChange change : changes) {
                line(String.format("    %-18s %s%s", change.outcome().label(), change.key(),
                        change.reason() == null ? "" : " (" + change.reason() + ")"));
            }
        });
        plan.rollbackFile().ifPresent(file -> line("Before the merge, the target's metadata of "
                + plan.application() + " is saved to " + file));
    }

    private static String counts(CollectionChange change) {
        String view = change.view() ? "view" : null;
        String result = switch (change.action()) {
            case CREATE -> view != null ? "view" : importCount(change) + " imported";
            case REPLACE -> change.targetDocuments() + " document(s) now -> "
                    + (view != null ? "a view" : importCount(change) + " imported");
            case DROP -> (view != null ? "view" : change.targetDocuments() + " document(s) now")
                    + ", only in the target";
        };
        return change.note() == null ? result : result + " (" + change.note() + ")";
    }

    private static String importCount(CollectionChange change) {
        return change.importDocuments() < 0 ? "?" : String.valueOf(change.importDocuments());
    }

    private void line(String line) {
        text.append(line).append('\n');
    }

    private void blank() {
        text.append('\n');
    }
}
