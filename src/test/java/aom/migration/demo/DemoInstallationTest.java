package aom.migration.demo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DemoInstallationTest {

    private static DemoServers servers;
    private static MongoClient source;
    private static MongoClient target;

    @BeforeAll
    static void start() {
        servers = DemoServers.start(DemoScale.TESTS);
        source = MongoClients.create(servers.source().uri());
        target = MongoClients.create(servers.target().uri());
    }

    @AfterAll
    static void stop() {
        source.close();
        target.close();
        servers.close();
    }

    @Test
    void sourceHasBothNamingConventionsAndOnlyLiveCase() {
        List<String> databases = source.listDatabaseNames().into(new ArrayList<>());
        assertThat(databases).contains("apiomat", "ConferenceApp", "ConferenceApp-staging", "ConferenceApp-test",
                "ShopApp", "ShopAppTEST", "FleetTracker");
        assertThat(databases).doesNotContain("ShopAppSTAGING", "FleetTracker-staging", "FleetTracker-test");
    }

    @Test
    void everyReferenceOfTheSourceResolvesExceptTheDeletedMember() {
        MongoDatabase apiomat = source.getDatabase("apiomat");
        List<String> dangling = danglingReferences(apiomat);
        assertThat(dangling).hasSize(1);
        assertThat(dangling.get(0)).startsWith("applications ConferenceApp memberIds");
    }

    @Test
    void everyReferenceOfTheTargetResolves() {
        assertThat(danglingReferences(target.getDatabase("apiomat"))).isEmpty();
    }

    @Test
    void sourceMetadataFollowsTheReferenceSchema() {
        MongoDatabase apiomat = source.getDatabase("apiomat");
        assertThat(names(apiomat, "applications", "applicationName"))
                .containsExactlyInAnyOrder("ConferenceApp", "ShopApp", "FleetTracker");
        assertThat(names(apiomat, "plans", "name")).containsExactlyInAnyOrder("Free", "Business");
        Document conference = apiomat.getCollection("applications")
                .find(new Document("applicationName", "ConferenceApp")).first();
        assertThat(conference).containsKeys("applicationDisplayName", "description", "applicationStatus", "apiKeys",
                "configuration", "usedModules", "createdAt", "lastModifiedAt", "ownerId", "memberIds", "planId");
        assertThat(conference.get("configuration", Document.class)).containsKeys("liveConfig", "stagingConfig",
                "testConfig");
        assertThat(conference.get("usedModules", Document.class)).containsKeys("LIVE", "STAGING", "TEST");
        Document basics = apiomat.getCollection("modules").find(new Document("name", "Basics")).first();
        assertThat(basics.getBoolean("shared")).isTrue();
        Document core = apiomat.getCollection("modules").find(new Document("name", "ConferenceCore")).first();
        assertThat(core).containsKeys("nativeJarId", "dependsOn", "releaseState", "moduleStatus");
        Document customer = apiomat.getCollection("customers").find().first();
        assertThat(customer.getString("password")).matches("pbkdf2-sha256\\$\\d+\\$[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+");
        Document attribute = apiomat.getCollection("metamodelattributes").find().first();
        assertThat(attribute).containsKeys("type", "isCollection", "isReference", "isMandatory", "isIndexed");
        Document metaModel = apiomat.getCollection("metamodels").find().first();
        assertThat(metaModel).containsKeys("isTransient", "isGlobal", "isInvisible");
    }

    @Test
    void speakerInheritsFromAClassOfAnotherModule() {
        MongoDatabase apiomat = source.getDatabase("apiomat");
        Document speaker = apiomat.getCollection("metamodels").find(new Document("name", "Speaker")).first();
        Document person = apiomat.getCollection("metamodels")
                .find(new Document("_id", speaker.get("parentMetaModelId"))).first();
        assertThat(person.getString("name")).isEqualTo("Person");
        assertThat(person.get("moduleId")).isNotEqualTo(speaker.get("moduleId"));
    }

    @Test
    void nativeJarIsSplitIntoSeveralChunks() {
        MongoDatabase apiomat = source.getDatabase("apiomat");
        Document file = apiomat.getCollection("modulejars.files").find().first();
        long chunks = apiomat.getCollection("modulejars.chunks").countDocuments(new Document("files_id",
                file.get("_id")));
        assertThat(chunks).isGreaterThan(1);
        assertThat(file.getLong("length")).isGreaterThan((long) MetadataBuilder.JAR_CHUNK_SIZE);
    }

    @Test
    void liveConferenceDatabaseHoldsGridFsImagesAndIndexes() {
        MongoDatabase live = source.getDatabase("ConferenceApp");
        assertThat(live.listCollectionNames().into(new ArrayList<>())).contains("images.files", "images.chunks",
                "ConferenceCore_Person", "Speakers_Talk", "Basics_User");
        assertThat(live.getCollection("ConferenceCore_Person").countDocuments())
                .isEqualTo(DemoScale.TESTS.documentsPerCollection());
        List<String> indexNames = live.getCollection("ConferenceCore_Person").listIndexes()
                .map(index -> index.getString("name")).into(new ArrayList<>());
        assertThat(indexNames).contains("email_unique");
    }

    @Test
    void targetHasCollidingModuleIdAndOwnBasics() {
        Document sourceSpeakers = source.getDatabase("apiomat").getCollection("modules")
                .find(new Document("name", "Speakers")).first();
        Document targetHelpDesk = target.getDatabase("apiomat").getCollection("modules")
                .find(new Document("name", "HelpDesk")).first();
        assertThat(targetHelpDesk.get("_id")).isEqualTo(sourceSpeakers.get("_id"));
        Object sourceBasics = source.getDatabase("apiomat").getCollection("modules")
                .find(new Document("name", "Basics")).first().get("_id");
        Object targetBasics = target.getDatabase("apiomat").getCollection("modules")
                .find(new Document("name", "Basics")).first().get("_id");
        assertThat(targetBasics).isNotEqualTo(sourceBasics);
    }

    @Test
    void generatorIsDeterministic() {
        try (EmbeddedServer again = EmbeddedServer.inMemory();
             MongoClient client = MongoClients.create(again.uri())) {
            DemoInstallation.writeSource(client, DemoScale.TESTS);
            for (String db : List.of("apiomat", "ConferenceApp", "ShopAppTEST")) {
                for (String collection : source.getDatabase(db).listCollectionNames()) {
                    assertThat(raw(client.getDatabase(db), collection))
                            .as(db + "." + collection)
                            .isEqualTo(raw(source.getDatabase(db), collection));
                }
            }
        }
    }

    private static List<RawBsonDocument> raw(MongoDatabase db, String collection) {
        return db.getCollection(collection, RawBsonDocument.class).find().sort(new Document("_id", 1))
                .into(new ArrayList<>());
    }

    private static Set<String> names(MongoDatabase db, String collection, String field) {
        return db.getCollection(collection).find().map(d -> d.getString(field)).into(new HashSet<>());
    }

    /** Every id-valued reference field of the reference schema that points at no document. */
    private static List<String> danglingReferences(MongoDatabase apiomat) {
        Map<String, Set<Object>> ids = new HashMap<>();
        for (String name : apiomat.listCollectionNames()) {
            ids.put(name, apiomat.getCollection(name).find().map(d -> d.get("_id")).into(new HashSet<>()));
        }
        List<String> dangling = new ArrayList<>();
        check(apiomat, "applications", "applicationName", Map.of("ownerId", "customers", "memberIds", "customers",
                "planId", "plans"), ids, dangling);
        check(apiomat, "modules", "name", Map.of("ownerId", "customers", "nativeJarId", "modulejars.files"), ids,
                dangling);
        check(apiomat, "metamodels", "name", Map.of("moduleId", "modules", "parentMetaModelId", "metamodels"), ids,
                dangling);
        check(apiomat, "metamodelattributes", "name", Map.of("metaModelId", "metamodels",
                "refMetaModelId", "metamodels"), ids, dangling);
        check(apiomat, "modulejars.chunks", "n", Map.of("files_id", "modulejars.files"), ids, dangling);
        for (Document file : apiomat.getCollection("modulejars.files").find()) {
            Object module = file.get("metadata", Document.class).get("moduleId");
            if (!ids.get("modules").contains(module)) {
                dangling.add("modulejars.files metadata.moduleId " + module);
            }
        }
        Set<String> moduleKeys = apiomat.getCollection("modules").find()
                .map(m -> m.getString("name") + "@" + m.getString("version")).into(new HashSet<>());
        for (Document module : apiomat.getCollection("modules").find()) {
            for (Document dependency : module.getList("dependsOn", Document.class)) {
                assertThat(moduleKeys).contains(dependency.getString("name") + "@" + dependency.getString("version"));
            }
        }
        for (Document app : apiomat.getCollection("applications").find()) {
            for (Object perSystem : app.get("usedModules", Document.class).values()) {
                for (Object used : (List<?>) perSystem) {
                    Document key = (Document) used;
                    assertThat(moduleKeys).contains(key.getString("name") + "@" + key.getString("version"));
                }
            }
        }
        return dangling;
    }

    private static void check(MongoDatabase apiomat, String collection, String label, Map<String, String> refs,
                              Map<String, Set<Object>> ids, List<String> dangling) {
        for (Document doc : apiomat.getCollection(collection).find()) {
            refs.forEach((field, targetCollection) -> {
                Object value = doc.get(field);
                List<?> values = value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
                for (Object id : values) {
                    if (!ids.getOrDefault(targetCollection, Set.of()).contains(id)) {
                        dangling.add(collection + " " + doc.get(label) + " " + field + " " + id);
                    }
                }
            });
        }
    }
}
