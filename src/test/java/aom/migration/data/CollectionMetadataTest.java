package aom.migration.data;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CollectionMetadataTest {

    @Test
    void readsTheToolsThreeShapeWithNsAndNoUuid() {
        CollectionMetadata metadata = CollectionMetadata.parse("""
                {"options":{},"indexes":[{"v":1,"key":{"_id":1},"name":"_id_","ns":"Drello.users"},
                {"v":1,"unique":true,"key":{"boardId":1,"order":1},"name":"board_order","ns":"Drello.users",
                "background":true}]}""", "users.metadata.json");
        assertThat(metadata.collectionName()).isNull();
        assertThat(metadata.type()).isEqualTo("collection");
        assertThat(metadata.indexes()).hasSize(2);
        assertThat(metadata.secondaryIndexes()).singleElement()
                .satisfies(index -> assertThat(index.getBoolean("unique").getValue()).isTrue());
        assertThat(metadata.uuidIfKnown()).isEmpty();
    }

    @Test
    void readsCanonicalExtendedJsonOfNewToolsAndKeepsUnknownFields() {
        CollectionMetadata metadata = CollectionMetadata.parse("""
                {"indexes":[{"v":{"$numberInt":"2"},"key":{"_id":{"$numberInt":"1"}},"name":"_id_"},
                {"v":{"$numberInt":"2"},"key":{"expiresAt":{"$numberInt":"1"}},"name":"ttl",
                "expireAfterSeconds":{"$numberInt":"3600"}}],"uuid":"0123456789abcdef0123456789abcdef",
                "collectionName":"tokens","type":"collection","futureField":{"x":true}}""", "tokens.metadata.json");
        assertThat(metadata.collectionName()).isEqualTo("tokens");
        assertThat(metadata.uuid()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(metadata.secondaryIndexes().get(0).getInt32("expireAfterSeconds").getValue()).isEqualTo(3600);
        assertThat(metadata.unknown()).isEqualTo(BsonDocument.parse("{\"futureField\":{\"x\":true}}"));
        CollectionMetadata again = CollectionMetadata.parse(metadata.toJson(), "again");
        assertThat(again).isEqualTo(metadata);
    }

    @Test
    void viewsAreRecognised() {
        CollectionMetadata view = CollectionMetadata.parse("""
                {"options":{"viewOn":"orders","pipeline":[{"$match":{"paid":true}}]},"indexes":[],
                "collectionName":"paidOrders","type":"view"}""", "v");
        assertThat(view.isView()).isTrue();
    }

    @Test
    void readsTheTwoXShapeWithSpacesCreateAndFlagsAndGivesCleanCreateOptions() {
        CollectionMetadata metadata = CollectionMetadata.parse("""
                { "options" : { "create" : "users", "flags" : 1, "autoIndexId" : false,
                  "validator" : { "name" : { "$exists" : true } } },
                  "indexes" : [ { "v" : 0, "key" : { "_id" : 1 }, "ns" : "shop.users", "name" : "_id_" },
                    { "v" : 0, "key" : { "email" : 1 }, "unique" : true, "ns" : "shop.users", "name" : "email_1",
                      "dropDups" : true } ] }""", "users.metadata.json");
        assertThat(metadata.collectionName()).isNull();
        assertThat(metadata.type()).isEqualTo("collection");
        assertThat(metadata.options().keySet()).containsExactly("create", "flags", "autoIndexId", "validator");
        assertThat(metadata.createOptions()).isEqualTo(BsonDocument.parse(
                "{validator: {name: {$exists: true}}}"));
        assertThat(metadata.createIndexSpecs()).containsExactly(BsonDocument.parse(
                "{key: {email: 1}, unique: true, name: 'email_1', dropDups: true}"));
        assertThat(metadata.secondaryIndexes().get(0).getInt32("v").getValue())
                .as("the recorded index stays as it was").isZero();
    }

    @Test
    void readsTheTwoXShapeWithoutOptions() {
        CollectionMetadata metadata = CollectionMetadata.parse("""
                { "indexes" : [ { "v" : 1, "key" : { "_id" : 1 }, "ns" : "shop.orders", "name" : "_id_" } ] }""",
                "orders.metadata.json");
        assertThat(metadata.options()).isEmpty();
        assertThat(metadata.createOptions()).isEmpty();
        assertThat(metadata.indexes()).hasSize(1);
        assertThat(metadata.createIndexSpecs()).isEmpty();
        assertThat(CollectionMetadata.parse(metadata.toJson(), "again")).isEqualTo(metadata);
    }

    @Test
    void readsTheFourZeroShapeWithUuidAndNs() {
        CollectionMetadata metadata = CollectionMetadata.parse("""
                {"options":{},"indexes":[{"v":2,"key":{"_id":1},"name":"_id_","ns":"ecomm3d.otps"},
                {"v":2,"key":{"created_at":1},"name":"created_at_1","ns":"ecomm3d.otps","expireAfterSeconds":18,
                "background":true}],"uuid":"713129780cbc453b835e3d7440b55023"}""", "otps.metadata.json");
        assertThat(metadata.uuid()).isEqualTo("713129780cbc453b835e3d7440b55023");
        assertThat(metadata.collectionName()).isNull();
        assertThat(metadata.createIndexSpecs()).containsExactly(BsonDocument.parse(
                "{key: {created_at: 1}, name: 'created_at_1', expireAfterSeconds: 18, background: true}"));
    }

    @Test
    void readsTheToolsOneHundredShapeWithCollectionNameButNoTypeOrOptions() {
        CollectionMetadata metadata = CollectionMetadata.parse("""
                {"indexes":[{"v":{"$numberInt":"2"},"key":{"_id":{"$numberInt":"1"}},"name":"_id_"},
                {"v":{"$numberInt":"2"},"unique":true,"key":{"name":{"$numberDouble":"1.0"}},"name":"name_1"}],
                "uuid":"5f1d2c3b4a5968778695a4b3c2d1e0f9","collectionName":"artists"}""", "artists.metadata.json");
        assertThat(metadata.collectionName()).isEqualTo("artists");
        assertThat(metadata.type()).isEqualTo("collection");
        assertThat(metadata.options()).isEmpty();
        assertThat(metadata.createIndexSpecs()).singleElement()
                .satisfies(spec -> assertThat(spec.getDocument("key").getDouble("name").getValue()).isEqualTo(1.0));
    }

    @Test
    void readsTimeSeriesAndViewsWithAndWithoutType() {
        CollectionMetadata series = CollectionMetadata.parse("""
                {"options":{"timeseries":{"timeField":"t","metaField":"m","granularity":"seconds",
                "bucketMaxSpanSeconds":{"$numberInt":"3600"}}},"indexes":[],"uuid":"00112233445566778899aabbccddeeff",
                "collectionName":"weather","type":"timeseries"}""", "weather.metadata.json");
        assertThat(series.type()).isEqualTo("timeseries");
        assertThat(series.createOptions().getDocument("timeseries").getString("timeField").getValue())
                .isEqualTo("t");
        CollectionMetadata oldView = CollectionMetadata.parse("""
                {"options":{"viewOn":"orders","pipeline":[{"$match":{"paid":true}}]},"indexes":[]}""", "v");
        assertThat(oldView.type()).isEqualTo("view");
        assertThat(oldView.isView()).isTrue();
        assertThat(oldView.createOptions().getString("viewOn").getValue()).isEqualTo("orders");
    }

    @Test
    void keepsUnknownFieldsAtEveryLevelThroughARoundTrip() {
        CollectionMetadata metadata = CollectionMetadata.parse("""
                {"options":{"collation":{"locale":"de"},"futureOption":{"$numberLong":"7"}},
                "indexes":[{"v":{"$numberInt":"2"},"key":{"a":{"$numberInt":"1"}},"name":"a_1",
                "futureIndexFlag":"x"}],"collectionName":"c","type":"collection","shardKey":{"a":"hashed"}}""",
                "c.metadata.json");
        assertThat(metadata.unknown()).isEqualTo(BsonDocument.parse("{shardKey: {a: 'hashed'}}"));
        assertThat(metadata.createOptions().getInt64("futureOption").getValue()).isEqualTo(7);
        assertThat(metadata.createIndexSpecs().get(0).getString("futureIndexFlag").getValue()).isEqualTo("x");
        CollectionMetadata again = CollectionMetadata.parse(metadata.toJson(), "again");
        assertThat(again).isEqualTo(metadata);
        assertThat(BsonDocument.parse(again.toJson())).isEqualTo(BsonDocument.parse(metadata.toJson()));
    }

    @Test
    void brokenMetadataIsNamed() {
        assertThatThrownBy(() -> CollectionMetadata.parse("{\"indexes\": 5}", "dump/a/b.metadata.json"))
                .isInstanceOf(CorruptDataException.class)
                .hasMessage("dump/a/b.metadata.json: 'indexes' must be a JSON array");
        assertThatThrownBy(() -> CollectionMetadata.parse("not json", "m.json"))
                .hasMessageStartingWith("m.json is not valid collection metadata JSON");
    }
}
