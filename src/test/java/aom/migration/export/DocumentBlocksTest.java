package aom.migration.export;

import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentBlocksTest {

    private static byte[] document(int number, int payload) {
        BsonDocument document = new BsonDocument("n", new BsonInt32(number))
                .append("payload", new BsonBinary(new byte[payload]));
        ByteBuffer buffer = new RawBsonDocument(document, new org.bson.codecs.BsonDocumentCodec())
                .getByteBuffer().asNIO();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static List<DocumentBlocks.Block> drain(DocumentBlocks blocks) {
        List<DocumentBlocks.Block> out = new ArrayList<>();
        DocumentBlocks.Block block;
        while ((block = blocks.poll()) != null) {
            out.add(block);
        }
        return out;
    }

    @Test
    void documentsFillBlocksBackToBackAndComeOutUnchangedInOrder() {
        DocumentBlocks blocks = new DocumentBlocks(1000);
        List<byte[]> written = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            byte[] document = document(i, 100);
            written.add(document);
            blocks.append(document, 0, document.length);
        }
        blocks.finish();
        List<DocumentBlocks.Block> full = drain(blocks);

        assertThat(full).hasSizeGreaterThan(1);
        assertThat(full).allSatisfy(block -> assertThat(block.length()).isLessThanOrEqualTo(1000));
        List<byte[]> read = new ArrayList<>();
        full.forEach(block -> read.addAll(block.split()));
        assertThat(read).containsExactlyElementsOf(written);
        assertThat(full.stream().mapToInt(DocumentBlocks.Block::documents).sum()).isEqualTo(25);
    }

    @Test
    void aDocumentLargerThanABlockGetsABlockOfItsOwn() {
        DocumentBlocks blocks = new DocumentBlocks(1000);
        byte[] small = document(1, 10);
        byte[] large = document(2, 5000);
        blocks.append(small, 0, small.length);
        blocks.append(large, 0, large.length);
        blocks.append(small, 0, small.length);
        blocks.finish();
        List<DocumentBlocks.Block> full = drain(blocks);

        assertThat(full).extracting(DocumentBlocks.Block::documents).containsExactly(1, 1, 1);
        assertThat(full.get(1).length()).isEqualTo(large.length);
        assertThat(full.get(1).split()).containsExactly(large);
    }

    @Test
    void recycledBlocksAreReusedSoALongCollectionNeedsFewArrays() {
        DocumentBlocks blocks = new DocumentBlocks(1000);
        byte[] document = document(1, 400);
        List<byte[]> arrays = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            blocks.append(document, 0, document.length);
            for (DocumentBlocks.Block block : drain(blocks)) {
                if (arrays.stream().noneMatch(array -> array == block.bytes())) {
                    arrays.add(block.bytes());
                }
                blocks.recycle(block);
            }
        }
        assertThat(arrays).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void anEmptyCollectionHasNoBlock() {
        DocumentBlocks blocks = new DocumentBlocks();
        blocks.finish();
        assertThat(blocks.poll()).isNull();
    }
}
