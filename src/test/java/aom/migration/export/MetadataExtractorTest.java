package aom.migration.export;

import aom.migration.bundle.ClosureRecord;
import aom.migration.demo.DemoScale;
import aom.migration.demo.DemoServers;
import aom.migration.model.ExtractionProfile;
import aom.migration.mongo.UnknownApplicationException;
import aom.migration.progress.CancellationToken;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetadataExtractorTest {

    private static DemoServers servers;
    private static MongoClient client;
    private static MongoDatabase apiomat;
    private static MetadataClosure conference;

    @BeforeAll
    static void start() {
        servers = DemoServers.start(DemoScale.TESTS);
        client = MongoClients.create(servers.source().uri());
        apiomat = client.getDatabase("apiomat");
        conference = new MetadataExtractor(apiomat, ExtractionProfile.defaults())
                .closure("ConferenceApp", CancellationToken.none());
    }

    @AfterAll
    static void stop() {
        client.close();
        servers.close();
    }

    @Test
    void closureHoldsTheApplicationItsCustomersAndItsPlan() {
        assertThat(conference.descriptions("applications")).containsExactly("ConferenceApp");
        assertThat(conference.descriptions("customers")).containsExactlyInAnyOrder("alice@conference.example",
                "bob@shop.example", "dave@partner.example", "erin@venues.example", "apiomat-admin");
        assertThat(conference.descriptions("plans")).containsExactly("Business");
        assertThat(conference.displayName()).isEqualTo("Conference App");
    }

    @Test
    void closureHoldsDeclaredTransitiveAndUndeclaredModulesButNoModuleOfOtherApps() {
        assertThat(conference.descriptions("modules")).containsExactlyInAnyOrder("Basics 1.0.0", "Speakers 1.3.0",
                "ConferenceCore 2.1.0", "Geo 1.0.0", "Venues 1.0.0");
    }

    @Test
    void closureHoldsExactlyTheClassesAttributesAndJarsOfItsModules() {
        Set<BsonValue> modules = ids("modules");
        Set<BsonValue> classes = idsWhere("metamodels", "moduleId", modules);
        assertThat(ids("metamodels")).isEqualTo(classes).hasSize(11);
        Set<BsonValue> attributes = idsWhere("metamodelattributes", "metaModelId", classes);
        assertThat(ids("metamodelattributes")).isEqualTo(attributes);
        Set<BsonValue> files = idsWhere("modulejars.files", "metadata.moduleId", modules);
        assertThat(ids("modulejars.files")).isEqualTo(files).hasSize(1);
        Set<BsonValue> chunks = idsWhere("modulejars.chunks", "files_id", files);
        assertThat(ids("modulejars.chunks")).isEqualTo(chunks).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void crossModuleParentClassIsIncluded() {
        ClosureRecord speaker = record("metamodels", "Speaker");
        Document source = apiomat.getCollection("metamodels").find(new Document("_id", speaker.id())).first();
        Document person = apiomat.getCollection("metamodels")
                .find(new Document("_id", source.get("parentMetaModelId"))).first();
        assertThat(person.getString("name")).isEqualTo("Person");
        assertThat(conference.find("metamodels", new org.bson.BsonObjectId(person.getObjectId("_id")))).isPresent();
    }

    @Test
    void warnsAboutTheUndeclaredModuleAndTheDanglingMember() {
        assertThat(conference.warnings()).hasSize(2);
        assertThat(conference.warnings()).contains("module Venues 1.0.0 is not declared by ConferenceApp, but class"
                + " Session refers to its class Room; included as a dependency");
        assertThat(conference.warnings()).anySatisfy(warning -> assertThat(warning)
                .startsWith("application ConferenceApp: memberIds[] refers to customer ")
                .endsWith(", which does not exist; the reference is kept as it is"));
    }

    @Test
    void naturalKeysResolveReferencesToTheReferencedKeys() {
        ClosureRecord session = conference.records().get("metamodels").stream()
                .filter(r -> r.description().equals("Session")
                        && r.key().getDocument("moduleId").getString("name").getValue().equals("ConferenceCore"))
                .findFirst().orElseThrow();
        assertThat(session.key()).isEqualTo(BsonDocument.parse(
                "{moduleId: {name: 'ConferenceCore', version: '2.1.0'}, name: 'Session'}"));
        ClosureRecord chunk = conference.records().get("modulejars.chunks").get(0);
        assertThat(chunk.key().getDocument("files_id")).isEqualTo(BsonDocument.parse(
                "{'metadata.moduleId': {name: 'ConferenceCore', version: '2.1.0'}}"));
        assertThat(chunk.parentCollection()).isEqualTo("modulejars.files");
    }

    @Test
    void sharedFlagComesFromOwnerFlagOrParent() {
        assertThat(record("modules", "Basics 1.0.0").shared()).isTrue();
        assertThat(record("modules", "Speakers 1.3.0").shared()).isFalse();
        assertThat(record("customers", "alice@conference.example").shared()).isTrue();
        assertThat(record("applications", "ConferenceApp").shared()).isFalse();
        assertThat(conference.records().get("metamodels")).filteredOn(r -> r.description().equals("User"))
                .allSatisfy(r -> assertThat(r.shared()).isTrue());
        assertThat(record("metamodels", "Speaker").shared()).isFalse();
    }

    @Test
    void shopAppClosureHasItsOwnModulesOnly() {
        MetadataClosure shop = new MetadataExtractor(apiomat, ExtractionProfile.defaults())
                .closure("ShopApp", CancellationToken.none());
        assertThat(shop.descriptions("modules")).containsExactlyInAnyOrder("Basics 1.0.0", "Shop 3.0.0",
                "Shop 3.1.0");
        assertThat(shop.descriptions("customers")).containsExactlyInAnyOrder("bob@shop.example",
                "carol@fleet.example", "apiomat-admin");
        assertThat(shop.descriptions("plans")).containsExactly("Free");
        assertThat(shop.warnings()).isEmpty();
    }

    @Test
    void unknownApplicationNamesTheExistingOnes() {
        assertThatThrownBy(() -> new MetadataExtractor(apiomat, ExtractionProfile.defaults())
                .closure("NoSuchApp", CancellationToken.none()))
                .isInstanceOf(UnknownApplicationException.class)
                .hasMessageContaining("NoSuchApp").hasMessageContaining("ConferenceApp, FleetTracker, ShopApp");
    }

    private static ClosureRecord record(String collection, String description) {
        return conference.records().get(collection).stream().filter(r -> r.description().equals(description))
                .findFirst().orElseThrow(() -> new AssertionError("no " + description + " in " + collection));
    }

    private static Set<BsonValue> ids(String collection) {
        return conference.records().get(collection).stream().map(ClosureRecord::id).collect(Collectors.toSet());
    }

    private static Set<BsonValue> idsWhere(String collection, String field, Set<BsonValue> values) {
        List<BsonDocument> found = apiomat.getCollection(collection, BsonDocument.class)
                .find(new BsonDocument(field, new BsonDocument("$in", new org.bson.BsonArray(new ArrayList<>(values)))))
                .into(new ArrayList<>());
        return found.stream().map(d -> d.get("_id")).collect(Collectors.toSet());
    }

    @SuppressWarnings("unused")
    private static BsonString s(String value) {
        return new BsonString(value);
    }
}
