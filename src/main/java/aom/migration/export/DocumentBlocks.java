package aom.migration.export;

import aom.migration.mongo.RawDocumentCodec;
import org.bson.io.BsonInput;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * One collection's documents, as the server sent them, back to back in blocks of about 1 MB: the reading thread
 * ({@link RawDocumentCodec}) copies each document out of the driver's reply straight into the current block, and the
 * writing thread hashes, checksums and writes whole blocks. So a document is copied once on its way from the reply
 * to the bundle, not allocated on its own, and the hashes run over large contiguous buffers. Blocks that the writer
 * is done with come back ({@link #recycle}), so a collection needs a handful of blocks however large it is.
 *
 * <p>Filled on one thread; {@link #recycle} may be called from another.
 */
final class DocumentBlocks implements RawDocumentCodec.Sink {

    /**
     * Just under 1 MB: few blocks per collection and large runs for the hashes. At small heaps G1 treats an array
     * this large as humongous (half a 1 MB region or more), so the arrays come from a pool shared by the whole
     * export ({@link #sharedSpares}) instead of being allocated anew for every collection.
     */
    static final int BLOCK_BYTES = 1024 * 1024 - 1024;
    private static final int SPARE_BLOCKS = 8;

    /** Documents back to back in {@code bytes[0, length)}. */
    record Block(byte[] bytes, int length, int documents) {

        /** The documents one by one, each as its own array (for writers that take single documents). */
        List<byte[]> split() {
            List<byte[]> documents = new ArrayList<>(this.documents);
            int offset = 0;
            while (offset < length) {
                int size = (bytes[offset] & 0xff) | (bytes[offset + 1] & 0xff) << 8 | (bytes[offset + 2] & 0xff) << 16
                        | (bytes[offset + 3] & 0xff) << 24;
                documents.add(Arrays.copyOfRange(bytes, offset, offset + size));
                offset += size;
            }
            return documents;
        }
    }

    private final int blockBytes;
    private final ArrayDeque<Block> full = new ArrayDeque<>();
    private final BlockingQueue<byte[]> spare;
    private byte[] current;
    private int used;
    private int documents;

    DocumentBlocks() {
        this(BLOCK_BYTES);
    }

    DocumentBlocks(int blockBytes) {
        this(blockBytes, new ArrayBlockingQueue<>(SPARE_BLOCKS));
    }

    /**
     * Blocks that take their arrays from, and give them back to, {@code spare}: one pool for every collection of an
     * export, so that a new collection does not allocate new 1 MB arrays (which the JVM treats as humongous objects
     * at small heaps: allocated in the old generation and only freed by a collection of it).
     */
    DocumentBlocks(int blockBytes, BlockingQueue<byte[]> spare) {
        this.blockBytes = blockBytes;
        this.spare = spare;
    }

    /** A pool of spare arrays for the blocks of {@code readers} collections read at the same time. */
    static BlockingQueue<byte[]> sharedSpares(int readers) {
        return new ArrayBlockingQueue<>(readers * SPARE_BLOCKS);
    }

    /** Copies the next {@code length} bytes of {@code input}, one whole document, to the end of the blocks. */
    @Override
    public void append(BsonInput input, int length) {
        reserve(length);
        input.readBytes(current, used, length);
        used += length;
        documents++;
    }

    /** Appends one whole document. */
    @Override
    public void append(byte[] document, int offset, int length) {
        reserve(length);
        System.arraycopy(document, offset, current, used, length);
        used += length;
        documents++;
    }

    /** The next full block, or null. */
    Block poll() {
        return full.poll();
    }

    /** Ends the current block even though it is not full (at the end of the collection). */
    void finish() {
        if (used > 0) {
            full.add(new Block(current, used, documents));
        }
        current = null;
        used = 0;
        documents = 0;
    }

    /** Gives a block's array back once its data has been written; any thread. */
    void recycle(Block block) {
        if (block.bytes().length == blockBytes) {
            spare.offer(block.bytes());
        }
    }

    private void reserve(int length) {
        if (current != null && used + length <= current.length) {
            return;
        }
        finish();
        if (length > blockBytes) {
            // A document larger than a block (up to 16 MiB) gets a block of its own.
            current = new byte[length];
            return;
        }
        byte[] reused = spare.poll();
        current = reused != null ? reused : new byte[blockBytes];
    }
}
