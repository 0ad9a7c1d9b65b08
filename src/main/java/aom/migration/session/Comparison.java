package aom.migration.session;

import aom.migration.comparison.ApplicationComparison;
import aom.migration.comparison.ComparisonReport;
import aom.migration.model.ExtractionProfile;
import aom.migration.model.SystemKind;
import aom.migration.mongo.ConnectionSettings;
import aom.migration.mongo.InstanceHosts;
import aom.migration.mongo.Installation;
import aom.migration.mongo.SystemHosts;
import aom.migration.progress.CancellationToken;

import java.util.Set;

/**
 * One application compared in two installations (after a migration, or to see what one would change), as the
 * command line's {@code verify} runs it: every collection of the chosen systems' databases by document count and
 * content hash, and the metadata slice by natural keys.
 *
 * @param source      the installation compared from
 * @param sourceHosts the source's systems on hosts of their own
 * @param target      the installation compared with
 * @param targetHosts the target's systems on hosts of their own
 * @param profile     the extraction profile that says what the metadata slice is
 */
public record Comparison(ConnectionSettings source, InstanceHosts sourceHosts, ConnectionSettings target,
                         InstanceHosts targetHosts, ExtractionProfile profile) {

    public Comparison {
        sourceHosts = sourceHosts == null ? InstanceHosts.none() : sourceHosts;
        targetHosts = targetHosts == null ? InstanceHosts.none() : targetHosts;
        profile = profile == null ? ExtractionProfile.defaults() : profile;
    }

    /**
     * Connects to both installations and the hosts of their systems, compares {@code application} in
     * {@code systems}, and disconnects; reads only. Call it from a background task.
     */
    public ComparisonReport compare(String application, Set<SystemKind> systems, CancellationToken cancel) {
        try (Installation from = Installation.connect(source);
             SystemHosts fromSystems = SystemHosts.connect(from, sourceHosts);
             Installation to = Installation.connect(target);
             SystemHosts toSystems = SystemHosts.connect(to, targetHosts)) {
            return new ApplicationComparison(from, fromSystems, to, toSystems, profile)
                    .compare(application, systems, cancel);
        }
    }
}
