package aom.migration.restore;

import aom.migration.model.ExtractionProfile;
import aom.migration.progress.CancellationToken;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.BsonDocument;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The merge rules on the demo target, with closures taken from the target itself and then changed. */
class MetadataMergerTest extends ImportTestSupport {

    private MetadataMerger merger() {
        return new MetadataMerger(apiomat(), ExtractionProfile.defaults());
    }

    @Test
    void mergingTheTargetsOwnSliceChangesNothing() {
        MetadataMergePlan plan = merger().plan("ConferenceApp", targetClosure(), true, CancellationToken.none());

        assertThat(plan.changesTarget()).isFalse();
        assertThat(plan.counts()).containsEntry(EntityOutcome.NEW, 0).containsEntry(EntityOutcome.OVERWRITE, 0)
                .containsEntry(EntityOutcome.REMOVED, 0).containsEntry(EntityOutcome.CONFLICT, 0);
        assertThat(plan.counts().get(EntityOutcome.IDENTICAL)).isPositive();
    }

    @Test
    void aChangedModuleThatAnotherApplicationUsesIsAConflictAndTheTargetsVersionIsKept() {
        Map<String, List<RawBsonDocument>> closure = targetClosure();
        RawBsonDocument core = find("modules", Filters.and(Filters.eq("name", "ConferenceCore"),
                Filters.eq("version", "2.0.0"))).get(0);
        replace(closure, "modules", core, changed(core, "description", "changed by the import"));
        BsonDocument extraClass = new BsonDocument("_id", new BsonObjectId(new ObjectId()))
                .append("name", new BsonString("Extra")).append("moduleId", core.get("_id"));
        closure.get("metamodels").add(RawBsonDocument.parse(extraClass.toJson()));
        Document before = apiomat().getCollection("modules").find(Filters.eq("_id", core.get("_id"))).first();

        MetadataMergePlan plan = merger().plan("ConferenceApp", closure, false, CancellationToken.none());
        merger().apply(plan, "test-" + new ObjectId(),
                Path.of("target", "test-home", "conflict-" + new ObjectId() + ".jsonl"), CancellationToken.none());

        assertThat(plan.changes(EntityOutcome.CONFLICT)).extracting(EntityChange::key)
                .containsExactlyInAnyOrder("ConferenceCore 2.0.0", "ConferenceCore 2.0.0 / Extra");
        assertThat(plan.changes(EntityOutcome.CONFLICT).get(0).reason()).contains("HelpDesk");
        assertThat(plan.warnings()).anyMatch(warning -> warning.startsWith("Conflict: modules ConferenceCore 2.0.0"));
        assertThat(apiomat().getCollection("modules").find(Filters.eq("_id", core.get("_id"))).first())
                .isEqualTo(before);
        assertThat(apiomat().getCollection("metamodels").countDocuments(Filters.eq("name", "Extra"))).isZero();
    }

    @Test
    void anOverwrittenEntityKeepsTheTargetsIdAndANewOneWhoseIdIsTakenGetsAFreshId() {
        Map<String, List<RawBsonDocument>> closure = targetClosure();
        RawBsonDocument app = closure.get("applications").get(0);
        replace(closure, "applications", app, changed(app, "description", "new text"));
        Object helpDesk = find("modules", Filters.eq("name", "HelpDesk")).get(0).get("_id");
        BsonDocument module = new BsonDocument("_id", (BsonValue) helpDesk)
                .append("name", new BsonString("Badges")).append("version", new BsonString("1.0.0"));
        closure.get("modules").add(RawBsonDocument.parse(module.toJson()));

        MetadataMergePlan plan = merger().plan("ConferenceApp", closure, false, CancellationToken.none());

        assertThat(plan.changes(EntityOutcome.OVERWRITE)).singleElement().satisfies(change -> {
            assertThat(change.key()).isEqualTo("ConferenceApp");
            assertThat(change.targetId()).isEqualTo(change.sourceId());
        });
        assertThat(plan.changes(EntityOutcome.NEW)).singleElement().satisfies(change -> {
            assertThat(change.key()).isEqualTo("Badges 1.0.0");
            assertThat(change.remapped()).isTrue();
            assertThat(change.reason()).contains("HelpDesk 1.0.0");
        });
    }

    @Test
    void aRollbackFileRestoresTheMetadataByHand() throws Exception {
        Map<String, Map<String, List<String>>> before = TargetSnapshot.of(target.client());
        Path file = Path.of("target", "test-home", "by-hand-" + new ObjectId() + ".jsonl");
        MetadataMergePlan plan = merger().plan("ConferenceApp", DemoImport.conferenceClosure(source), true,
                CancellationToken.none());
        merger().apply(plan, "by-hand", file, CancellationToken.none());
        merger().discardRollback("ConferenceApp", "by-hand");
        assertThat(TargetSnapshot.differences(before, TargetSnapshot.of(target.client()))).isNotEmpty();

        long restored = MetadataRollback.restoreFile(apiomat(), file);

        assertThat(restored).isPositive();
        assertThat(TargetSnapshot.differences(before, TargetSnapshot.of(target.client()))).isEmpty();
    }

    /** The target's own ConferenceApp slice: the app, its modules, their classes, attributes, customers, plan. */
    private Map<String, List<RawBsonDocument>> targetClosure() {
        Map<String, List<RawBsonDocument>> closure = new LinkedHashMap<>();
        closure.put("customers", find("customers", Filters.in("userName", "apiomat-admin",
                "alice@conference.example", "heidi@old.example")));
        closure.put("plans", find("plans", Filters.eq("name", "Free")));
        closure.put("applications", find("applications", Filters.eq("applicationName", "ConferenceApp")));
        List<RawBsonDocument> modules = find("modules", Filters.in("name", "Basics", "ConferenceCore", "Speakers"));
        closure.put("modules", modules);
        List<RawBsonDocument> classes = find("metamodels", Filters.in("moduleId",
                modules.stream().map(m -> m.get("_id")).toList()));
        closure.put("metamodels", classes);
        closure.put("metamodelattributes", find("metamodelattributes", Filters.in("metaModelId",
                classes.stream().map(c -> c.get("_id")).toList())));
        return closure;
    }

    private List<RawBsonDocument> find(String collection, Bson filter) {
        MongoDatabase apiomat = apiomat();
        return apiomat.getCollection(collection, RawBsonDocument.class).find(filter).into(new ArrayList<>());
    }

    private static RawBsonDocument changed(RawBsonDocument document, String field, String value) {
        BsonDocument copy = BsonDocument.parse(document.toJson());
        copy.put(field, new BsonString(value));
        return RawBsonDocument.parse(copy.toJson());
    }

    private static void replace(Map<String, List<RawBsonDocument>> closure, String collection,
                                RawBsonDocument old, RawBsonDocument replacement) {
        List<RawBsonDocument> documents = closure.get(collection);
        documents.set(documents.indexOf(old), replacement);
    }
}
