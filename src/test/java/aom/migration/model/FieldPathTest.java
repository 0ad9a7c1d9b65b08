package aom.migration.model;

import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldPathTest {

    private final BsonDocument app = BsonDocument.parse("""
            {_id: 1, ownerId: 'alice', memberIds: ['bob', null, 'dave'],
             metadata: {moduleId: 'm1'},
             usedModules: {LIVE: [{name: 'Basics', version: '1'}], TEST: [{name: 'Core', version: '2'}]},
             single: 'x'}""");

    @Test
    void readsPlainDottedArrayAndWildcardPaths() {
        assertThat(FieldPath.parse("ownerId").get(app)).containsExactly(new BsonString("alice"));
        assertThat(FieldPath.parse("metadata.moduleId").get(app)).containsExactly(new BsonString("m1"));
        assertThat(FieldPath.parse("memberIds[]").get(app)).containsExactly(new BsonString("bob"),
                new BsonString("dave"));
        assertThat(FieldPath.parse("usedModules.*[]").get(app)).containsExactly(
                BsonDocument.parse("{name: 'Basics', version: '1'}"),
                BsonDocument.parse("{name: 'Core', version: '2'}"));
        assertThat(FieldPath.parse("usedModules.*[].name").get(app)).containsExactly(new BsonString("Basics"),
                new BsonString("Core"));
        assertThat(FieldPath.parse("single[]").get(app)).containsExactly(new BsonString("x"));
        assertThat(FieldPath.parse("missing.path").get(app)).isEmpty();
    }

    @Test
    void replacesValuesInPlaceAndCountsChanges() {
        BsonDocument copy = app.clone();
        int changed = FieldPath.parse("memberIds[]").replace(copy, value -> value.equals(new BsonString("bob"))
                ? new BsonString("robert") : value);
        assertThat(changed).isEqualTo(1);
        assertThat(copy.getArray("memberIds").getValues()).containsExactly(new BsonString("robert"), BsonNull.VALUE,
                new BsonString("dave"));
        assertThat(FieldPath.parse("usedModules.*[].version").replace(copy, value -> new BsonString("9")))
                .isEqualTo(2);
        assertThat(FieldPath.parse("usedModules.*[].version").get(copy)).containsOnly(new BsonString("9"));
        assertThat(FieldPath.parse("metadata.moduleId").replace(copy, value -> new BsonString("m2"))).isEqualTo(1);
        assertThat(copy.getDocument("metadata").getString("moduleId").getValue()).isEqualTo("m2");
        assertThat(FieldPath.parse("ownerId").replace(copy, value -> value)).isZero();
        assertThat(app.getArray("memberIds").get(0)).isEqualTo(new BsonString("bob"));
    }

    @Test
    void tellsWhatAQueryAndAProjectionNeed() {
        assertThat(FieldPath.parse("memberIds[]").queryPath()).isEqualTo("memberIds");
        assertThat(FieldPath.parse("metadata.moduleId").queryPath()).isEqualTo("metadata.moduleId");
        assertThat(FieldPath.parse("usedModules.*[]").queryPath()).isNull();
        assertThat(FieldPath.parse("usedModules.*[]").topLevelField()).isEqualTo("usedModules");
    }

    @Test
    void refusesMalformedPaths() {
        for (String bad : List.of("", "a..b", "a[]]", "[]")) {
            assertThatThrownBy(() -> FieldPath.parse(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
