package aom.migration.bundle;

import aom.migration.data.BsonDocumentReader;
import aom.migration.data.CorruptDataException;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.Phase;
import aom.migration.progress.ProgressListener;
import aom.migration.progress.ProgressTracker;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads every entry of an open bundle once: size and SHA-256 against the manifest, and for BSON entries every
 * document's length prefix, terminator and 16 MiB limit, and the document count. Collects every problem instead of
 * stopping at the first, so a support engineer sees the extent of the damage.
 */
final class BundleVerifier {

    private static final int BUFFER = 256 * 1024;

    private final BundleReader bundle;

    BundleVerifier(BundleReader bundle) {
        this.bundle = bundle;
    }

    List<String> verify(ProgressListener listener, CancellationToken token) throws IOException {
        ProgressTracker tracker = new ProgressTracker(listener, Phase.VERIFY);
        List<Manifest.Entry> entries = bundle.manifest().entries();
        for (Manifest.Entry entry : entries) {
            tracker.expect(entry.path(), entry.documents(), entry.bytes());
        }
        List<String> problems = new ArrayList<>();
        for (Manifest.Entry entry : entries) {
            token.throwIfCancelled();
            try {
                switch (entry.kind().verification()) {
                    case BSON_DOCUMENTS -> verifyDocuments(entry, tracker, token);
                    case JSON_LINES -> verifyLines(entry, tracker, token);
                    case BYTES -> verifyBytes(entry, tracker, token);
                }
            } catch (CorruptDataException e) {
                problems.add(e.getMessage());
            }
            tracker.finish(entry.path());
        }
        return problems;
    }

    private void verifyDocuments(Manifest.Entry entry, ProgressTracker tracker, CancellationToken token)
            throws IOException {
        try (InputStream in = bundle.openEntry(entry)) {
            BsonDocumentReader reader = new BsonDocumentReader(in, bundle.describe(entry.path()));
            long lastBytes = 0;
            long lastDocuments = 0;
            while (reader.nextBytes() != null) {
                if (reader.bytes() - lastBytes >= BUFFER) {
                    token.throwIfCancelled();
                    tracker.advance(entry.path(), reader.documents() - lastDocuments, reader.bytes() - lastBytes);
                    lastBytes = reader.bytes();
                    lastDocuments = reader.documents();
                }
            }
            tracker.advance(entry.path(), reader.documents() - lastDocuments, reader.bytes() - lastBytes);
            if (reader.documents() != entry.documents()) {
                throw new CorruptDataException(bundle.describe(entry.path()) + " holds " + reader.documents()
                        + " documents, but the manifest announces " + entry.documents());
            }
        }
    }

    /** Every line must parse as one Extended JSON document; the line count is checked by the stream. */
    private void verifyLines(Manifest.Entry entry, ProgressTracker tracker, CancellationToken token) {
        String origin = bundle.describe(entry.path());
        try (Stream<BundleReader.NumberedLine> lines = bundle.lines(entry)) {
            lines.forEach(line -> {
                token.throwIfCancelled();
                ExtendedJson.toBson(line.text(), origin + " line " + line.number());
                tracker.advance(entry.path(), 1, line.text().length() + 1L);
            });
        }
    }

    private void verifyBytes(Manifest.Entry entry, ProgressTracker tracker, CancellationToken token)
            throws IOException {
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = bundle.openEntry(entry)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                token.throwIfCancelled();
                tracker.advance(entry.path(), 0, n);
            }
        }
        if (entry.documents() > 0) {
            tracker.advance(entry.path(), entry.documents(), 0);
        }
    }
}
