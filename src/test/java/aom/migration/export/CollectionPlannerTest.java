package aom.migration.export;

import aom.migration.data.CollectionMetadata;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What mongodump would export of a database listing; the embedded server has no views or system.js to try. */
class CollectionPlannerTest {

    @Test
    void skipsSystemCollectionsButKeepsSystemJs() {
        assertThat(CollectionPlanner.describe(info("{name: 'system.views', type: 'collection'}"))).isNull();
        assertThat(CollectionPlanner.describe(info("{name: 'system.profile', type: 'collection'}"))).isNull();
        assertThat(CollectionPlanner.describe(info("{name: 'system.buckets.metrics', type: 'collection'}")))
                .isNull();
        CollectionMetadata js = CollectionPlanner.describe(info("{name: 'system.js', type: 'collection'}"));
        assertThat(js.collectionName()).isEqualTo("system.js");
        assertThat(js.isView()).isFalse();
    }

    @Test
    void viewsAreDefinitionsWithTheirPipeline() {
        CollectionMetadata view = CollectionPlanner.describe(info("""
                {name: 'activeUsers', type: 'view', options: {viewOn: 'Basics_User',
                 pipeline: [{$match: {active: true}}]}, info: {readOnly: true}}"""));
        assertThat(view.type()).isEqualTo("view");
        assertThat(view.isView()).isTrue();
        assertThat(view.options().getString("viewOn").getValue()).isEqualTo("Basics_User");
        assertThat(view.toJson()).contains("\"pipeline\": [{\"$match\": {\"active\": true}}]");
    }

    @Test
    void keepsOptionsAndTheUuidAsHex() {
        CollectionMetadata capped = CollectionPlanner.describe(info("""
                {name: 'events', type: 'collection', options: {capped: true, size: 4096},
                 info: {readOnly: false, uuid: {$binary: {base64: 'ASNFZ4mrze8BI0VniavN7w==', subType: '04'}}}}"""));
        assertThat(capped.uuid()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(capped.options()).isEqualTo(BsonDocument.parse("{capped: true, size: 4096}"));
        assertThat(CollectionMetadata.parse(capped.toJson(), "test")).isEqualTo(capped);
    }

    private static BsonDocument info(String json) {
        return BsonDocument.parse(json);
    }
}
