package aom.migration.restore;

import aom.migration.demo.DemoInstallation;
import aom.migration.demo.EmbeddedServer;
import aom.migration.model.PasswordHash;
import aom.migration.mongo.ServerInfo;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.ProgressListener;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Importing the demo source's ConferenceApp into the demo target: what the target holds afterwards. */
class ImportJobTest extends ImportTestSupport {

    @Test
    void importOverwritesTheOldVersionKeepsTheTargetsBasicsAndRemapsEveryReferenceToIt() {
        MongoDatabase apiomat = apiomat();
        Object targetBasics = module(apiomat, "Basics", "1.0.0").get("_id");
        Object targetApp = one("applications", new Document("applicationName", "ConferenceApp")).get("_id");
        Object targetUser = one("metamodels", new Document("moduleId", targetBasics).append("name", "User"))
                .get("_id");
        Object helpDesk = module(apiomat, "HelpDesk", "1.0.0").get("_id");

        ImportResult result = job(ImportOptions.defaults()).run(ProgressListener.NONE, CancellationToken.none());

        assertThat(result.report().passed()).isTrue();
        assertThat(apiomat.getCollection("modules").countDocuments(new Document("name", "Basics"))).isEqualTo(1);
        assertThat(module(apiomat, "Basics", "1.0.0").get("_id")).isEqualTo(targetBasics);
        Document app = one("applications", new Document("applicationName", "ConferenceApp"));
        Document sourceApp = source.getDatabase("apiomat").getCollection("applications")
                .find(new Document("applicationName", "ConferenceApp")).first();
        assertThat(app.get("_id")).isEqualTo(targetApp);
        assertThat(app.getString("applicationDisplayName")).isEqualTo("Conference App");
        assertThat(app.get("usedModules")).isEqualTo(sourceApp.get("usedModules"));
        Object person = one("metamodels", new Document("name", "Person")
                .append("moduleId", module(apiomat, "ConferenceCore", "2.1.0").get("_id"))).get("_id");
        assertThat(one("metamodels", new Document("_id", person)).get("parentMetaModelId")).isEqualTo(targetUser);
        Document speakers = module(apiomat, "Speakers", "1.3.0");
        assertThat(speakers.get("_id")).isNotEqualTo(helpDesk);
        assertThat(apiomat.getCollection("metamodels").countDocuments(new Document("moduleId", speakers.get("_id"))))
                .isEqualTo(2);
        assertThat(module(apiomat, "HelpDesk", "1.0.0").get("_id")).isEqualTo(helpDesk);
        assertThat(danglingReferences(apiomat)).singleElement().asString()
                .startsWith("applications ConferenceApp memberIds");
    }

    @Test
    void importLeavesHelpDeskAndItsDatabasesByteForByteUnchanged() {
        Map<String, List<String>> live = TargetSnapshot.of(target.client().getDatabase("HelpDesk"));
        Map<String, List<String>> test = TargetSnapshot.of(target.client().getDatabase("HelpDesk-test"));
        Map<Object, RawBsonDocument> helpDeskMetadata = helpDeskClosure();
        assertThat(helpDeskMetadata).hasSizeGreaterThan(20);

        job(ImportOptions.defaults().withResetPasswords(true)).run(ProgressListener.NONE, CancellationToken.none());

        assertThat(TargetSnapshot.of(target.client().getDatabase("HelpDesk"))).isEqualTo(live);
        assertThat(TargetSnapshot.of(target.client().getDatabase("HelpDesk-test"))).isEqualTo(test);
        assertThat(helpDeskClosure()).isEqualTo(helpDeskMetadata);
    }

    @Test
    void importRemovesTheAppsTargetOnlyEntitiesButKeepsThoseHelpDeskStillUses() {
        MongoDatabase apiomat = apiomat();
        Object oldSpeakers = module(apiomat, "Speakers", "1.2.0").get("_id");
        Object oldSpeaker = one("metamodels", new Document("moduleId", oldSpeakers)).get("_id");
        Object oldCore = module(apiomat, "ConferenceCore", "2.0.0").get("_id");

        ImportResult result = job(ImportOptions.defaults()).run(ProgressListener.NONE, CancellationToken.none());

        assertThat(module(apiomat, "Speakers", "1.2.0")).isNull();
        assertThat(apiomat.getCollection("metamodels").countDocuments(new Document("moduleId", oldSpeakers)))
                .isZero();
        assertThat(apiomat.getCollection("metamodelattributes")
                .countDocuments(new Document("metaModelId", oldSpeaker))).isZero();
        assertThat(module(apiomat, "ConferenceCore", "2.0.0").get("_id")).isEqualTo(oldCore);
        assertThat(one("metamodels", new Document("moduleId", oldCore).append("name", "LegacyBadge"))).isNotNull();
        MetadataMergePlan merge = result.plan().metadata().orElseThrow();
        assertThat(merge.changes(EntityOutcome.REMOVED)).extracting(EntityChange::key)
                .contains("Speakers 1.2.0", "Speakers 1.2.0 / Speaker");
        assertThat(merge.changes(EntityOutcome.KEPT_IN_USE))
                .filteredOn(change -> change.key().equals("ConferenceCore 2.0.0")).singleElement()
                .satisfies(change -> assertThat(change.reason()).contains("HelpDesk"));
        assertThat(result.plan().toText()).contains("kept, still in use ConferenceCore 2.0.0 (still used by HelpDesk)");
    }

    @Test
    void importDropsTargetOnlyCollectionsListedInThePlanAndEachDatabaseEndsEqualToTheSource() {
        ImportResult result = job(ImportOptions.defaults()).run(ProgressListener.NONE, CancellationToken.none());

        SystemPlan live = result.plan().systems().get(0);
        assertThat(live.collections()).filteredOn(change -> change.action() == CollectionAction.DROP)
                .singleElement().satisfies(change -> {
                    assertThat(change.collection()).isEqualTo("ConferenceCore_LegacyBadge");
                    assertThat(change.targetDocuments()).isEqualTo(24);
                });
        assertThat(result.plan().dropWarnings())
                .contains("ConferenceApp.ConferenceCore_LegacyBadge: 24 document(s) will be dropped (only the target"
                        + " has this collection)");
        for (String database : List.of("ConferenceApp", "ConferenceApp-staging", "ConferenceApp-test")) {
            assertThat(TargetSnapshot.of(target.client().getDatabase(database))).as(database)
                    .isEqualTo(TargetSnapshot.of(source.getDatabase(database)));
        }
        assertThat(importLeftovers()).isEmpty();
    }

    @Test
    void passwordResetAppliesOnlyToCustomersTheImportInserts() {
        Map<String, String> before = passwords();

        job(ImportOptions.defaults().withResetPasswords(true)).run(ProgressListener.NONE, CancellationToken.none());

        Map<String, String> after = passwords();
        for (String inserted : List.of("bob@shop.example", "dave@partner.example", "erin@venues.example")) {
            assertThat(before).doesNotContainKey(inserted);
            assertThat(PasswordHash.matches("secret", after.get(inserted))).as(inserted).isTrue();
            assertThat(PasswordHash.iterationsOf(after.get(inserted))).isEqualTo(10_000);
        }
        for (String kept : List.of("alice@conference.example", "apiomat-admin", "grace@helpdesk.example",
                "heidi@old.example")) {
            assertThat(after.get(kept)).as(kept).isEqualTo(before.get(kept));
        }
    }

    @Test
    void withoutResetInsertedCustomersKeepTheSourcePassword() {
        job(ImportOptions.defaults()).run(ProgressListener.NONE, CancellationToken.none());

        String bob = passwords().get("bob@shop.example");
        assertThat(PasswordHash.matches(DemoInstallation.DEMO_PASSWORD, bob)).isTrue();
    }

    @Test
    void planCountsEqualTheTargetsCountsAndPlanningWritesNothing() {
        Map<String, Map<String, List<String>>> before = snapshot();

        ImportPlan plan = job(ImportOptions.defaults()).plan(CancellationToken.none());

        assertThat(TargetSnapshot.differences(before, snapshot())).isEmpty();
        assertThat(plan.canProceed()).isTrue();
        for (SystemPlan system : plan.systems()) {
            MongoDatabase database = target.client().getDatabase(system.targetDatabase());
            for (CollectionChange change : system.collections()) {
                long actual = change.action() == CollectionAction.CREATE
                        ? 0 : database.getCollection(change.collection()).countDocuments();
                assertThat(change.targetDocuments()).as(system.targetDatabase() + "." + change.collection())
                        .isEqualTo(actual);
            }
        }
        assertThat(plan.systems()).extracting(SystemPlan::targetExists).containsExactly(true, true, false);
        assertThat(plan.rollbackFile()).isPresent();
        assertThat(plan.toText()).contains("drop     ConferenceCore_LegacyBadge  24 document(s) now, only in the"
                + " target").contains("new                Speakers 1.3.0 (its id is taken in the target by HelpDesk"
                + " 1.0.0, so it gets a new id)");
    }

    @Test
    void severalCollectionsAndSeveralInsertWorkersPerCollectionLoadTheSameData() {
        ImportOptions parallel = ImportOptions.defaults().withParallelism(3, 3).withLargeCollectionBytes(0)
                .withBatches(3, 4096);

        ImportResult result = job(parallel).run(ProgressListener.NONE, CancellationToken.none());

        assertThat(result.report().passed()).isTrue();
        for (String database : List.of("ConferenceApp", "ConferenceApp-staging", "ConferenceApp-test")) {
            assertThat(TargetSnapshot.of(target.client().getDatabase(database))).as(database)
                    .isEqualTo(TargetSnapshot.of(source.getDatabase(database)));
        }
    }

    @Test
    void aDryRunWritesNothing() {
        Map<String, Map<String, List<String>>> before = snapshot();

        ImportResult result = job(ImportOptions.defaults().withDryRun(true)).run(ProgressListener.NONE,
                CancellationToken.none());

        assertThat(result.dryRun()).isTrue();
        assertThat(result.report()).isNull();
        assertThat(TargetSnapshot.differences(before, snapshot())).isEmpty();
    }

    @Test
    void importingTheSameDataTwiceGivesTheSameTarget() {
        ImportOptions options = ImportOptions.defaults().withResetPasswords(true);
        job(options).run(ProgressListener.NONE, CancellationToken.none());
        Map<String, Map<String, List<String>>> once = snapshot();

        ImportResult again = job(options).run(ProgressListener.NONE, CancellationToken.none());

        assertThat(TargetSnapshot.differences(once, snapshot())).isEmpty();
        MetadataMergePlan merge = again.plan().metadata().orElseThrow();
        assertThat(merge.changesTarget()).isFalse();
        assertThat(merge.counts()).containsEntry(EntityOutcome.NEW, 0).containsEntry(EntityOutcome.OVERWRITE, 0)
                .containsEntry(EntityOutcome.REMOVED, 0);
    }

    @Test
    void theVerificationReportIsSavedAsJsonAndTextWithoutPasswords() throws Exception {
        ImportResult result = job(ImportOptions.defaults().withResetPasswords(true)).run(ProgressListener.NONE,
                CancellationToken.none());

        String json = Files.readString(result.savedReport().json(), StandardCharsets.UTF_8);
        String text = Files.readString(result.savedReport().text(), StandardCharsets.UTF_8);
        assertThat(BsonDocument.parse(json).getBoolean("passed").getValue()).isTrue();
        assertThat(text).contains("PASSED").contains("ConferenceApp.Speakers_Talk").contains("META    customers")
                .contains("Documents read back from the target's staging collections before the swap, counted again"
                        + " after it.");
        assertThat(BsonDocument.parse(json).getBoolean("readBeforeSwap").getValue()).isTrue();
        for (String content : List.of(json, text)) {
            assertThat(content).doesNotContain("pbkdf2").doesNotContain("secret")
                    .doesNotContain(DemoInstallation.DEMO_PASSWORD).doesNotContain("password");
        }
    }

    @Test
    void importIntoAnEmptyInstallationCreatesEverythingAsTheSourceHasIt() {
        try (EmbeddedServer empty = EmbeddedServer.inMemory();
             MongoClient client = MongoClients.create(empty.uri())) {
            ImportJob job = new ImportJob(client, ServerInfo.query(client), "127.0.0.1",
                    request, ImportOptions.defaults(), ImportJob.Checkpoint.NONE);

            ImportResult result = job.run(ProgressListener.NONE, CancellationToken.none());

            assertThat(result.report().passed()).isTrue();
            assertThat(result.plan().metadata().orElseThrow().counts())
                    .containsEntry(EntityOutcome.NEW, request.metadata().values().stream().mapToInt(List::size).sum());
            for (String database : List.of("ConferenceApp", "ConferenceApp-staging", "ConferenceApp-test")) {
                assertThat(TargetSnapshot.of(client.getDatabase(database))).as(database)
                        .isEqualTo(TargetSnapshot.of(source.getDatabase(database)));
            }
            request.metadata().forEach((collection, documents) -> {
                for (RawBsonDocument document : documents) {
                    assertThat(TargetSnapshot.byId(client.getDatabase("apiomat"), collection, document.get("_id")))
                            .as(collection).isEqualTo(document);
                }
            });
            assertThat(client.getDatabase("apiomat").listCollectionNames().into(new ArrayList<>()))
                    .noneMatch(name -> name.contains("__aom"));
        }
    }

    private Map<String, String> passwords() {
        Map<String, String> passwords = new HashMap<>();
        apiomat().getCollection("customers").find()
                .forEach(customer -> passwords.put(customer.getString("userName"), customer.getString("password")));
        return passwords;
    }

    /** HelpDesk's application, modules, classes, attributes, customers and plan on the target, by id. */
    private Map<Object, RawBsonDocument> helpDeskClosure() {
        MongoDatabase apiomat = apiomat();
        Map<Object, RawBsonDocument> closure = new HashMap<>();
        List<Object> modules = new ArrayList<>();
        for (String[] key : List.of(new String[] {"HelpDesk", "1.0.0"}, new String[] {"ConferenceCore", "2.0.0"},
                new String[] {"Basics", "1.0.0"})) {
            modules.add(module(apiomat, key[0], key[1]).get("_id"));
        }
        List<Object> classes = new ArrayList<>();
        add(closure, apiomat, "applications", Filters.eq("applicationName", "HelpDesk"));
        add(closure, apiomat, "modules", Filters.in("_id", modules));
        add(closure, apiomat, "metamodels", Filters.in("moduleId", modules))
                .forEach(document -> classes.add(document.get("_id")));
        add(closure, apiomat, "metamodelattributes", Filters.in("metaModelId", classes));
        add(closure, apiomat, "customers", Filters.in("userName", "grace@helpdesk.example",
                "alice@conference.example", "apiomat-admin"));
        add(closure, apiomat, "plans", Filters.eq("name", "Enterprise"));
        return closure;
    }

    private static List<RawBsonDocument> add(Map<Object, RawBsonDocument> closure, MongoDatabase database,
                                             String collection, Bson filter) {
        List<RawBsonDocument> found = database.getCollection(collection, RawBsonDocument.class).find(filter)
                .into(new ArrayList<>());
        found.forEach(document -> closure.put(document.get("_id"), document));
        return found;
    }

    /** Every id-valued reference of the reference schema that points at nothing, as "collection name field id". */
    private static List<String> danglingReferences(MongoDatabase apiomat) {
        Map<String, Set<Object>> ids = new HashMap<>();
        for (String name : apiomat.listCollectionNames()) {
            ids.put(name, apiomat.getCollection(name).find().map(d -> d.get("_id")).into(new HashSet<>()));
        }
        List<String> dangling = new ArrayList<>();
        Map<String, Map<String, String>> references = Map.of(
                "applications", Map.of("ownerId", "customers", "memberIds", "customers", "planId", "plans"),
                "modules", Map.of("ownerId", "customers", "nativeJarId", "modulejars.files"),
                "metamodels", Map.of("moduleId", "modules", "parentMetaModelId", "metamodels"),
                "metamodelattributes", Map.of("metaModelId", "metamodels", "refMetaModelId", "metamodels"),
                "modulejars.chunks", Map.of("files_id", "modulejars.files"));
        references.forEach((collection, fields) -> {
            for (Document document : apiomat.getCollection(collection).find()) {
                fields.forEach((field, target) -> {
                    Object value = document.get(field);
                    List<?> values = value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
                    for (Object id : values) {
                        if (!ids.getOrDefault(target, Set.of()).contains(id)) {
                            Object label = document.containsKey("applicationName")
                                    ? document.get("applicationName") : document.get("name");
                            dangling.add(collection + " " + label
                                    + " " + field + " " + (id instanceof ObjectId o ? o.toHexString() : id));
                        }
                    }
                });
            }
        });
        for (Document file : apiomat.getCollection("modulejars.files").find()) {
            Object module = file.get("metadata", Document.class).get("moduleId");
            if (!ids.get("modules").contains(module)) {
                dangling.add("modulejars.files metadata.moduleId " + module);
            }
        }
        return dangling;
    }
}
