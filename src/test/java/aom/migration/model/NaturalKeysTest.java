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
}
