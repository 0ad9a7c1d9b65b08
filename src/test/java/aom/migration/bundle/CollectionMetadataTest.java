package aom.migration.bundle;

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
    void brokenMetadataIsNamed() {
        assertThatThrownBy(() -> CollectionMetadata.parse("{\"indexes\": 5}", "dump/a/b.metadata.json"))
                .isInstanceOf(CorruptDataException.class)
                .hasMessage("dump/a/b.metadata.json: 'indexes' must be a JSON array");
        assertThatThrownBy(() -> CollectionMetadata.parse("not json", "m.json"))
                .hasMessageStartingWith("m.json is not valid collection metadata JSON");
    }
}
