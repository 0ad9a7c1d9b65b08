package aom.migration.restore;

import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CollectionDigestTest {

    private static List<RawBsonDocument> documents(int count) {
        List<RawBsonDocument> documents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            documents.add(RawBsonDocument.parse("{_id: " + i + ", text: 'document " + i + "'}"));
        }
        return documents;
    }

    private static CollectionDigest digest(List<RawBsonDocument> documents) {
        DigestAccumulator accumulator = new DigestAccumulator();
        documents.forEach(accumulator::add);
        return accumulator.result();
    }

    @Test
    void theDigestDoesNotDependOnTheOrderOfTheDocuments() {
        List<RawBsonDocument> documents = documents(200);
        List<RawBsonDocument> shuffled = new ArrayList<>(documents);
        Collections.shuffle(shuffled, new Random(1));

        assertThat(digest(shuffled)).isEqualTo(digest(documents));
    }

    @Test
    void partialDigestsMergeToTheWholeOne() {
        List<RawBsonDocument> documents = documents(101);
        DigestAccumulator first = new DigestAccumulator();
        DigestAccumulator second = new DigestAccumulator();
        for (int i = 0; i < documents.size(); i++) {
            (i % 3 == 0 ? first : second).add(documents.get(i));
        }
        first.merge(second);

        assertThat(first.result()).isEqualTo(digest(documents));
    }

    @Test
    void aChangedMissingOrExtraDocumentChangesTheDigest() {
        List<RawBsonDocument> documents = documents(50);
        CollectionDigest original = digest(documents);
        List<RawBsonDocument> changed = new ArrayList<>(documents);
        changed.set(7, RawBsonDocument.parse("{_id: 7, text: 'document 8'}"));
        List<RawBsonDocument> duplicated = new ArrayList<>(documents);
        duplicated.add(documents.get(3));

        assertThat(digest(changed).contentHash()).isNotEqualTo(original.contentHash());
        assertThat(digest(documents.subList(1, 50)).contentHash()).isNotEqualTo(original.contentHash());
        assertThat(digest(duplicated).contentHash()).isNotEqualTo(original.contentHash());
        assertThat(original.documents()).isEqualTo(50);
        assertThat(CollectionDigest.empty().contentHash()).isEqualTo("0".repeat(32));
    }
}
