package aom.migration.ui.pages.application;

import aom.migration.model.AppRef;
import aom.migration.model.DatabaseNaming;
import aom.migration.model.NamingDetection;
import aom.migration.model.SystemDatabase;
import aom.migration.model.SystemKind;
import aom.migration.mongo.ConnectionSettings;
import aom.migration.mongo.Installation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The user's answer where the database list cannot tell an application's naming convention (databases of both
 * conventions exist): the application again, with the chosen convention and the sizes of its databases under it.
 */
final class NamingOverride {

    private NamingOverride() {
    }

    /** {@code app} with {@code naming} chosen by the user; measures its databases. Database work: background only. */
    static AppRef apply(ConnectionSettings source, AppRef app, DatabaseNaming naming) {
        try (Installation installation = Installation.connect(source)) {
            List<String> databases = installation.databaseNames();
            NamingDetection chosen = app.naming().overriddenWith(naming, databases);
            Map<SystemKind, SystemDatabase> systems = new EnumMap<>(SystemKind.class);
            chosen.existingDatabases().forEach((system, database) ->
                    systems.put(system, installation.systemDatabase(system, database)));
            return new AppRef(app.name(), app.displayName(), app.owner(), app.modules(), chosen, systems);
        }
    }
}
