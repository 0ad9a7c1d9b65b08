package aom.migration.model;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NaturalKeysTest {

    private final Map<String, BsonDocument> documents = Map.of(
            "modules/1", BsonDocument.parse("{_id: 1, name: 'Speakers', version: '1.3.0'}"),
            "metamodels/10", BsonDocument.parse("{_id: 10, name: 'Speaker', moduleId: 1}"));
    private final NaturalKeys keys = new NaturalKeys(ExtractionProfile.defaults(),
            (collection, id) -> documents.get(collection + "/" + ((BsonInt32) id).getValue()));

    @Test
    void referenceFieldsInAKeyStandForTheReferencedKey() {
        BsonDocument attribute = BsonDocument.parse("{_id: 100, name: 'bio', metaModelId: 10}");
        assertThat(keys.keyOf("metamodelattributes", attribute)).isEqualTo(BsonDocument.parse(
                "{metaModelId: {moduleId: {name: 'Speakers', version: '1.3.0'}, name: 'Speaker'}, name: 'bio'}"));
    }

    @Test
    void danglingReferenceKeepsItsRawIdAndMissingFieldsAreNull() {
        BsonDocument orphan = BsonDocument.parse("{_id: 11, name: 'Lost', moduleId: 99}");
        assertThat(keys.keyOf("metamodels", orphan)).isEqualTo(BsonDocument.parse("{moduleId: 99, name: 'Lost'}"));
        assertThat(keys.keyOf("customers", BsonDocument.parse("{_id: 5}")))
                .isEqualTo(BsonDocument.parse("{userName: null}"));
    }

    @Test
    void describeReadsLikeTheSupportEngineerNamesThings() {
        BsonDocument attribute = BsonDocument.parse("{_id: 100, name: 'bio', metaModelId: 10}");
        assertThat(NaturalKeys.describe(keys.keyOf("metamodelattributes", attribute)))
                .isEqualTo("Speakers 1.3.0 / Speaker / bio");
        assertThat(NaturalKeys.describe(BsonDocument.parse("{files_id: {$oid: '5f0c7a1e9b1e8a3d2c4b6a10'}, n: 0}")))
                .isEqualTo("5f0c7a1e9b1e8a3d2c4b6a10 0");
        assertThat(NaturalKeys.describe(BsonDocument.parse("{userName: null}"))).isEqualTo("<none>");
    }

    @Test
    void textIsEqualForEqualKeysFromDifferentInstallations() {
        BsonDocument one = keys.keyOf("metamodels", BsonDocument.parse("{_id: 10, name: 'Speaker', moduleId: 1}"));
        BsonDocument other = BsonDocument.parse("{moduleId: {name: 'Speakers', version: '1.3.0'}, name: 'Speaker'}");
        assertThat(NaturalKeys.text(one)).isEqualTo(NaturalKeys.text(other));
    }
}
