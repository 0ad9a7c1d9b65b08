package aom.migration.restore;

import aom.migration.model.DatabaseNaming;
import aom.migration.model.NamingDetection;
import aom.migration.mongo.Installation;
import aom.migration.mongo.SystemHosts;

import java.util.List;

/** Which naming convention an import uses for the application's databases on the target. */
public final class TargetNaming {

    private TargetNaming() {
    }

    /**
     * What the target already uses for {@code application} when its databases tell, otherwise the source's
     * convention, otherwise dashed. The target's own convention wins because ApiOmat there looks for its names.
     *
     * @param sourceNaming the convention of the bundle or dump, or {@code null} when unknown
     */
    public static DatabaseNaming choose(Installation target, String application, DatabaseNaming sourceNaming) {
        return choose(target.databaseNames(), application, sourceNaming);
    }

    /** {@link #choose(Installation, String, DatabaseNaming)} where systems may live on hosts of their own. */
    public static DatabaseNaming choose(SystemHosts target, String application, DatabaseNaming sourceNaming) {
        return choose(target.databaseNames(application), application, sourceNaming);
    }

    private static DatabaseNaming choose(List<String> databases, String application, DatabaseNaming sourceNaming) {
        NamingDetection onTarget = NamingDetection.detect(application, databases);
        if (onTarget.outcome() == NamingDetection.Outcome.DETECTED) {
            return onTarget.naming();
        }
        return sourceNaming == null ? DatabaseNaming.DASHED : sourceNaming;
    }
}
