package aom.migration.restore;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldPathTest {

    private final BsonDocument app = BsonDocument.parse("""
            {_id: 1, ownerId: 7, memberIds: [7, 8, 9], metadata: {moduleId: 3, other: 4},
             usedModules: {LIVE: [{name: 'Basics', version: '1.0'}], TEST: [{name: 'Shop', version: '3.0'}]}}""");

    @Test
    void readsPlainDottedArrayAndWildcardPaths() {
        assertThat(FieldPath.parse("ownerId").values(app)).containsExactly(new BsonInt32(7));
        assertThat(FieldPath.parse("metadata.moduleId").values(app)).containsExactly(new BsonInt32(3));
        assertThat(FieldPath.parse("memberIds[]").values(app))
                .containsExactly(new BsonInt32(7), new BsonInt32(8), new BsonInt32(9));
        assertThat(FieldPath.parse("usedModules.*[]").values(app)).extracting(v -> v.asDocument().getString("name"))
                .containsExactly(new BsonString("Basics"), new BsonString("Shop"));
        assertThat(FieldPath.parse("missing.path").values(app)).isEmpty();
    }

    @Test
    void replacesEveryReachedValueInPlaceKeepingFieldOrder() {
        BsonDocument copy = app.clone();
        boolean changed = FieldPath.parse("memberIds[]").replace(copy, v -> v.equals(new BsonInt32(8))
                ? new BsonInt32(80) : v);
        FieldPath.parse("metadata.moduleId").replace(copy, v -> new BsonString("m"));

        assertThat(changed).isTrue();
        assertThat(copy.getArray("memberIds").getValues())
                .containsExactly(new BsonInt32(7), new BsonInt32(80), new BsonInt32(9));
        assertThat(copy.getDocument("metadata").toJson()).isEqualTo("{\"moduleId\": \"m\", \"other\": 4}");
        assertThat(copy.keySet()).containsExactlyElementsOf(app.keySet());
        assertThat(FieldPath.parse("ownerId").replace(copy, v -> v)).isFalse();
    }

    @Test
    void projectionCoversWhatThePathCanReach() {
        assertThat(FieldPath.parse("usedModules.*[]").projection()).isEqualTo("usedModules");
        assertThat(FieldPath.parse("memberIds[]").projection()).isEqualTo("memberIds");
        assertThat(FieldPath.parse("metadata.moduleId").projection()).isEqualTo("metadata.moduleId");
    }

    @Test
    void rejectsEmptySegments() {
        assertThatThrownBy(() -> FieldPath.parse("a..b")).hasMessageContaining("empty segment");
    }
}
