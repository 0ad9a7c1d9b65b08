package aom.migration.export;

import aom.migration.model.AppRef;
import aom.migration.model.BadInputException;
import aom.migration.model.DatabaseNaming;
import aom.migration.model.NamingDetection;
import aom.migration.mongo.SystemHosts;

import java.util.List;

/**
 * Where an export finds each system's database: the naming convention (chosen, or detected from the databases that
 * exist) and the databases that exist, read from each system's own host where it has one.
 */
final class SourceSystems {

    private final DatabaseNaming naming;
    private final List<String> existing;

    private SourceSystems(DatabaseNaming naming, List<String> existing) {
        this.naming = naming;
        this.existing = existing;
    }

    /**
     * @param chosen          the naming the user chose, or {@code null} to detect it
     * @param failIfAmbiguous whether an ambiguous detection is an error (it is when data is exported)
     * @throws IllegalArgumentException when the naming is ambiguous and {@code failIfAmbiguous}
     */
    static SourceSystems find(AppRef app, SystemHosts hosts, DatabaseNaming chosen, boolean failIfAmbiguous) {
        // The catalog detected the naming from the main host's databases; with systems elsewhere, their databases
        // are on their own hosts, so the detection is made again on the combined list.
        List<String> existing = hosts.databaseNames(app.name());
        if (chosen != null) {
            return new SourceSystems(chosen, existing);
        }
        NamingDetection detection = hosts.anyOwnHost() ? NamingDetection.detect(app.name(), existing) : app.naming();
        if (detection.outcome() == NamingDetection.Outcome.AMBIGUOUS && failIfAmbiguous) {
            throw new BadInputException(detection.report() + " (choose the naming convention explicitly)");
        }
        return new SourceSystems(detection.namingIfKnown().orElse(null), existing);
    }

    /** The naming convention, or {@code null} when none applies. */
    DatabaseNaming naming() {
        return naming;
    }

    /** Whether {@code database} exists (on its system's host). */
    boolean exists(String database) {
        return existing.contains(database);
    }
}
