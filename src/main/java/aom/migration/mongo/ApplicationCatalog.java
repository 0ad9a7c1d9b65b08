package aom.migration.mongo;

import aom.migration.model.AppRef;
import aom.migration.model.NamingDetection;
import aom.migration.model.SystemDatabase;
import aom.migration.model.SystemKind;
import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lists the ApiOmat applications of an installation with their owner, modules and the size of each system
 * database. Reads only the fields of the reference schema that identify an application.
 */
final class ApplicationCatalog {

    private final Installation installation;

    ApplicationCatalog(Installation installation) {
        this.installation = installation;
    }

    List<AppRef> applications() {
        try {
            List<String> databases = installation.databaseNames();
            if (!databases.contains(Installation.METADATA_DATABASE)) {
                return List.of();
            }
            Map<Object, String> owners = ownerNames();
            List<AppRef> apps = new ArrayList<>();
            for (Document app : installation.metadataDatabase().getCollection("applications").find()
                    .projection(Projections.include("applicationName", "applicationDisplayName", "ownerId",
                            "usedModules"))) {
                String name = app.getString("applicationName");
                if (name != null) {
                    apps.add(describe(app, owners, databases));
                }
            }
            apps.sort(Comparator.comparing(AppRef::name, String.CASE_INSENSITIVE_ORDER));
            return apps;
        } catch (MongoException e) {
            throw ConnectionErrors.wrap(e, installation.settings());
        }
    }

    /**
     * Reads only the one application and measures only its databases: exporting one application of an installation
     * with hundreds should not ask for every database's statistics. The list of all names is read only to say which
     * applications exist when {@code name} is not one of them.
     */
    AppRef application(String name) {
        try {
            List<String> databases = installation.databaseNames();
            if (!installation.hasMetadata()) {
                throw UnknownApplicationException.withoutMetadata(name, installation.settings().hostsOnly(),
                        databases);
            }
            Document app = installation.metadataDatabase().getCollection("applications")
                    .find(Filters.eq("applicationName", name))
                    .projection(Projections.include("applicationName", "applicationDisplayName", "ownerId",
                            "usedModules"))
                    .first();
            if (app == null) {
                throw new UnknownApplicationException(name, installation.settings().hostsOnly(),
                        applications().stream().map(AppRef::name).toList());
            }
            Document owner = app.get("ownerId") == null ? null : installation.metadataDatabase()
                    .getCollection("customers").find(Filters.eq("_id", app.get("ownerId")))
                    .projection(Projections.include("userName")).first();
            Map<Object, String> owners = new HashMap<>();
            if (owner != null && owner.getString("userName") != null) {
                owners.put(owner.get("_id"), owner.getString("userName"));
            }
            return describe(app, owners, databases);
        } catch (MongoException e) {
            throw ConnectionErrors.wrap(e, installation.settings());
        }
    }

    private AppRef describe(Document app, Map<Object, String> owners, List<String> databases) {
        String name = app.getString("applicationName");
        NamingDetection naming = NamingDetection.detect(name, databases);
        Map<SystemKind, SystemDatabase> systems = new EnumMap<>(SystemKind.class);
        naming.existingDatabases().forEach((system, database) ->
                systems.put(system, installation.systemDatabase(system, database)));
        String display = app.getString("applicationDisplayName");
        return new AppRef(name, display == null ? name : display, owners.getOrDefault(app.get("ownerId"), ""),
                moduleNames(app), naming, systems);
    }

    private Map<Object, String> ownerNames() {
        Map<Object, String> owners = new HashMap<>();
        for (Document customer : installation.metadataDatabase().getCollection("customers").find()
                .projection(Projections.include("userName"))) {
            owners.put(customer.get("_id"), customer.getString("userName"));
        }
        return owners;
    }

    private static List<String> moduleNames(Document app) {
        Set<String> names = new LinkedHashSet<>();
        Object used = app.get("usedModules");
        if (used instanceof Document perSystem) {
            for (Object modules : perSystem.values()) {
                if (modules instanceof List<?> list) {
                    for (Object module : list) {
                        if (module instanceof Document doc && doc.getString("name") != null) {
                            names.add(doc.getString("name"));
                        }
                    }
                }
            }
        }
        return List.copyOf(names);
    }
}
