package aom.migration.restore;

import aom.migration.model.SystemKind;
import aom.migration.mongo.ServerInfo;
import aom.migration.mongo.SystemHosts;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The preview of an import (DESIGN.md section 5, step 1), computed without writing anything: per selected system
 * the target database and every collection created, replaced or dropped with the target's current document count;
 * the metadata merge per entity; warnings; problems that stop the import. The wizard reads the accessors, the
 * command line prints {@link #toText()}.
 */
public final class ImportPlan {

    private final String application;
    private final String targetHosts;
    private final ServerInfo targetServer;
    private final SwapStrategy swapStrategy;
    private final List<SystemPlan> systems;
    private final MetadataMergePlan metadata;
    private final List<String> warnings;
    private final List<String> problems;
    private final List<String> leftovers;
    private final Path rollbackFile;
    private final Instant createdAt;
    private final List<JournalEntry> entries;
    private final List<DatabaseImporter.StagedCollection> loads;
    private final Map<SystemKind, String> systemHosts;
    private final List<String> placement;
    private final InterruptedImport.Resumable resumable;

    ImportPlan(String application, String targetHosts, ServerInfo targetServer, SwapStrategy swapStrategy,
               List<SystemPlan> systems, MetadataMergePlan metadata, List<String> warnings, List<String> problems,
               List<String> leftovers, Path rollbackFile, Instant createdAt, List<JournalEntry> entries,
               List<DatabaseImporter.StagedCollection> loads, Map<SystemKind, String> systemHosts,
               List<String> placement, InterruptedImport.Resumable resumable) {
        this.application = application;
        this.targetHosts = targetHosts;
        this.targetServer = targetServer;
        this.swapStrategy = swapStrategy;
        this.systems = List.copyOf(systems);
        this.metadata = metadata;
        this.warnings = List.copyOf(warnings);
        this.problems = List.copyOf(problems);
        this.leftovers = List.copyOf(leftovers);
        this.rollbackFile = rollbackFile;
        this.createdAt = createdAt;
        this.entries = List.copyOf(entries);
        this.loads = List.copyOf(loads);
        Map<SystemKind, String> hostsCopy = new EnumMap<>(SystemKind.class);
        hostsCopy.putAll(systemHosts);
        this.systemHosts = Collections.unmodifiableMap(hostsCopy);
        this.placement = List.copyOf(placement);
        this.resumable = resumable;
    }

    /**
     * The interrupted import of this same bundle that the target holds and that can be resumed
     * ({@link ImportOptions#resume()}) instead of rolled back; empty when there is none.
     */
    public Optional<InterruptedImport.Resumable> resumable() {
        return Optional.ofNullable(resumable);
    }

    /**
     * Where the import puts what it brings, when not as the bundle has it: "ConferenceApp is imported as
     * ConferenceCopy", "the bundle's LIVE data goes into STAGING"; empty otherwise.
     */
    public List<String> placement() {
        return placement;
    }

    public String application() {
        return application;
    }

    /** The target's hosts (never credentials). */
    public String targetHosts() {
        return targetHosts;
    }

    /** The systems of the target whose database lives on a host of its own, with those hosts (never credentials). */
    public Map<SystemKind, String> systemHosts() {
        return systemHosts;
    }

    /** The target's hosts, followed by the hosts of systems that have their own: for reports. */
    public String targetDescription() {
        return SystemHosts.describe(targetHosts, systemHosts);
    }

    public ServerInfo targetServer() {
        return targetServer;
    }

    /** How the collections will be swapped in: {@link SwapStrategy#RENAME} or {@link SwapStrategy#COPY}. */
    public SwapStrategy swapStrategy() {
        return swapStrategy;
    }

    /** One entry per system the import touches. */
    public List<SystemPlan> systems() {
        return systems;
    }

    /** The metadata merge, when the import includes metadata. */
    public Optional<MetadataMergePlan> metadata() {
        return Optional.ofNullable(metadata);
    }

    public List<String> warnings() {
        return warnings;
    }

    /** Reasons the import cannot start; empty when it can. */
    public List<String> problems() {
        return problems;
    }

    public boolean canProceed() {
        return problems.isEmpty();
    }

    /** What an interrupted earlier import left behind, one line each; the import puts it right first. */
    public List<String> leftovers() {
        return leftovers;
    }

    /** Where the target's metadata slice is saved before the merge, when the import includes metadata. */
    public Optional<Path> rollbackFile() {
        return Optional.ofNullable(rollbackFile);
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The collections whose current documents the import replaces or drops, one line each. */
    public List<String> dropWarnings() {
        List<String> lines = new ArrayList<>();
        for (SystemPlan system : systems) {
            for (CollectionChange change : system.collections()) {
                if (change.losesTargetDocuments()) {
                    lines.add(system.targetDatabase() + "." + change.collection() + system.onHost() + ": "
                            + change.targetDocuments()
                            + " document(s) will be " + (change.action() == CollectionAction.DROP
                            ? "dropped (only the target has this collection)" : "replaced"));
                } else if (change.action() == CollectionAction.DROP) {
                    lines.add(system.targetDatabase() + "." + change.collection() + system.onHost()
                            + ": will be dropped"
                            + (change.view() ? " (a view)" : " (empty)"));
                }
            }
        }
        if (metadata != null) {
            for (EntityChange change : metadata.changes(EntityOutcome.REMOVED)) {
                lines.add(metadata.database() + "." + change.collection() + " " + change.key() + ": will be removed");
            }
        }
        return lines;
    }

    /** The readable plan, as the command line prints it. */
    public String toText() {
        return new ImportPlanText(this).render();
    }

    @Override
    public String toString() {
        return toText();
    }

    List<JournalEntry> entries() {
        return entries;
    }

    List<DatabaseImporter.StagedCollection> loads() {
        return loads;
    }
}
