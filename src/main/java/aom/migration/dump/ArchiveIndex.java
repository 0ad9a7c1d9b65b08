package aom.migration.dump;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What one validating pass over an archive found: header, prelude, and for each namespace where its documents lie
 * (byte ranges of the uncompressed archive), how many there are and their verified CRC-64.
 */
record ArchiveIndex(ArchiveHeader header, List<ArchiveCollection> prelude, Map<String, NamespaceData> data,
                    long archiveBytes) {

    ArchiveIndex {
        prelude = List.copyOf(prelude);
        data = Map.copyOf(data);
    }

    /** The documents of one namespace: the data parts of its segments, in order. */
    record NamespaceData(String namespace, long[] offsets, long[] lengths, long documents, long bytes, long crc) {

        static NamespaceData empty(String namespace) {
            return new NamespaceData(namespace, new long[0], new long[0], 0, 0, 0);
        }

        int segments() {
            return offsets.length;
        }
    }

    /** Collects a namespace's segments during the pass. */
    static final class NamespaceBuilder {
        private final String namespace;
        private final Crc64 crc = new Crc64();
        private long[] offsets = new long[4];
        private long[] lengths = new long[4];
        private int segments;
        private long documents;
        private long bytes;

        NamespaceBuilder(String namespace) {
            this.namespace = namespace;
        }

        void document(byte[] buffer, int length) {
            crc.update(buffer, 0, length);
            documents++;
            bytes += length;
        }

        void segment(long offset, long length) {
            if (length == 0) {
                return;
            }
            if (segments == offsets.length) {
                offsets = Arrays.copyOf(offsets, segments * 2);
                lengths = Arrays.copyOf(lengths, segments * 2);
            }
            offsets[segments] = offset;
            lengths[segments] = length;
            segments++;
        }

        long crc() {
            return crc.value();
        }

        long documents() {
            return documents;
        }

        NamespaceData build() {
            return new NamespaceData(namespace, Arrays.copyOf(offsets, segments), Arrays.copyOf(lengths, segments),
                    documents, bytes, crc.value());
        }
    }
}
