package aom.migration.restore;

import aom.migration.model.DatabaseNaming;
import aom.migration.model.NamingDetection;
import aom.migration.mongo.Installation;

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
        NamingDetection onTarget = NamingDetection.detect(application, target.databaseNames());
        if (onTarget.outcome() == NamingDetection.Outcome.DETECTED) {
            return onTarget.naming();
        }
        return sourceNaming == null ? DatabaseNaming.DASHED : sourceNaming;
    }
}
