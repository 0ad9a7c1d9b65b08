package aom.migration.restore;

import aom.migration.model.SystemKind;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;

import java.util.List;

/**
 * One collection of an import as the journal records it before anything is created, so that recovery knows every
 * name involved even when they are hashed, and what the swap did to it so far, so that a rollback can tell the
 * import's collections from anybody else's and prove that it put the target's back.
 *
 * @param system        the system the database belongs to
 * @param database      the target database
 * @param collection    the collection's name in the target
 * @param action        create, replace or drop
 * @param staging       the staging collection loaded for it, or {@code null} (views, drops)
 * @param aside         where the target's current collection is set aside, or {@code null} when the target has
 *                      no collection (or a view) at that name
 * @param newView       the definition ({@code viewOn}, {@code pipeline}, ...) of an imported view, or {@code null}
 * @param oldView       the definition of the target's view at that name, or {@code null}
 * @param swap          what the swap recorded of this collection; {@link Swap#NOT_STARTED} until it reaches it
 * @param load          what the load recorded of its staging collection, so that a resumed import keeps it
 */
record JournalEntry(SystemKind system, String database, String collection, CollectionAction action, String staging,
                    String aside, BsonDocument newView, BsonDocument oldView, Swap swap, Load load) {

    /** A planned entry: nothing loaded or swapped yet. */
    JournalEntry(SystemKind system, String database, String collection, CollectionAction action, String staging,
                 String aside, BsonDocument newView, BsonDocument oldView) {
        this(system, database, collection, action, staging, aside, newView, oldView, Swap.NOT_STARTED, Load.NONE);
    }

    /**
     * What the load recorded of one staging collection.
     *
     * @param acknowledged how many of the bundle's documents, from the first on without a gap, the target has
     *                     acknowledged (a resumed load goes on after them)
     * @param digest       the digest of the bundle's documents once all are loaded, or {@code null}
     * @param verified     whether the staging collection was read back and matched {@code digest}
     */
    record Load(long acknowledged, CollectionDigest digest, boolean verified) {

        static final Load NONE = new Load(0, null, false);

        /** Whether the staging collection is whole and verified, so that a resumed import keeps it. */
        boolean complete() {
            return digest != null && verified;
        }

        BsonDocument toBson() {
            BsonDocument document = new BsonDocument("acknowledged", new BsonInt64(acknowledged))
                    .append("verified", BsonBoolean.valueOf(verified));
            if (digest != null) {
                document.append("digest", Swap.digest(digest));
            }
            return document;
        }

        static Load fromBson(BsonValue value) {
            if (value == null || !value.isDocument()) {
                return NONE;
            }
            BsonDocument document = value.asDocument();
            return new Load(document.getInt64("acknowledged", new BsonInt64(0)).getValue(),
                    document.isDocument("digest") ? Swap.digest(document.getDocument("digest")) : null,
                    document.getBoolean("verified", BsonBoolean.FALSE).getValue());
        }
    }

    /**
     * What the swap recorded of one collection, each fact written to the journal before the step it describes.
     *
     * @param started       the swap of this collection may have begun: the target's collection was counted first
     * @param countBefore   the target's collection's document count just before it was set aside (-1: none)
     * @param indexesBefore the names of its indexes then, or {@code null}
     * @param asideComplete with the copy swap: the copy set aside is complete (only then is the live collection
     *                      dropped)
     * @param digestBefore  with the copy swap: the digest of that copy, as read from the live collection, or
     *                      {@code null}
     * @param liveDropped   with the copy swap: the live collection is about to be (or has been) dropped
     */
    record Swap(boolean started, long countBefore, List<String> indexesBefore, boolean asideComplete,
                CollectionDigest digestBefore, boolean liveDropped) {

        static final Swap NOT_STARTED = new Swap(false, -1, null, false, null, false);

        Swap {
            indexesBefore = indexesBefore == null ? null : List.copyOf(indexesBefore);
        }

        /** Recorded before the collection's swap begins: its count and indexes as they are. */
        static Swap starting(long count, List<String> indexes) {
            return new Swap(true, count, indexes, false, null, false);
        }

        Swap withAsideComplete(CollectionDigest digest) {
            return new Swap(started, countBefore, indexesBefore, true, digest, liveDropped);
        }

        Swap withLiveDropped() {
            return new Swap(started, countBefore, indexesBefore, asideComplete, digestBefore, true);
        }

        BsonDocument toBson() {
            BsonDocument document = new BsonDocument("started", BsonBoolean.valueOf(started))
                    .append("countBefore", new BsonInt64(countBefore))
                    .append("asideComplete", BsonBoolean.valueOf(asideComplete))
                    .append("liveDropped", BsonBoolean.valueOf(liveDropped));
            if (indexesBefore != null) {
                document.append("indexesBefore", new BsonArray(indexesBefore.stream().map(BsonString::new).toList()));
            }
            if (digestBefore != null) {
                document.append("digestBefore", digest(digestBefore));
            }
            return document;
        }

        static Swap fromBson(BsonValue value) {
            if (value == null || !value.isDocument()) {
                return NOT_STARTED;
            }
            BsonDocument document = value.asDocument();
            List<String> indexes = document.isArray("indexesBefore") ? document.getArray("indexesBefore").stream()
                    .map(name -> name.asString().getValue()).toList() : null;
            CollectionDigest digest = document.isDocument("digestBefore")
                    ? digest(document.getDocument("digestBefore")) : null;
            return new Swap(document.getBoolean("started", BsonBoolean.FALSE).getValue(),
                    document.getInt64("countBefore", new BsonInt64(-1)).getValue(), indexes,
                    document.getBoolean("asideComplete", BsonBoolean.FALSE).getValue(), digest,
                    document.getBoolean("liveDropped", BsonBoolean.FALSE).getValue());
        }

        static BsonDocument digest(CollectionDigest digest) {
            return new BsonDocument("documents", new BsonInt64(digest.documents()))
                    .append("bytes", new BsonInt64(digest.bytes()))
                    .append("contentHash", new BsonString(digest.contentHash()));
        }

        static CollectionDigest digest(BsonDocument document) {
            return new CollectionDigest(document.getInt64("documents").getValue(),
                    document.getInt64("bytes").getValue(), document.getString("contentHash").getValue());
        }
    }

    String namespace() {
        return database + "." + collection;
    }

    JournalEntry with(Swap progress) {
        return new JournalEntry(system, database, collection, action, staging, aside, newView, oldView, progress,
                load);
    }

    JournalEntry with(Load loaded) {
        return new JournalEntry(system, database, collection, action, staging, aside, newView, oldView, swap, loaded);
    }

    BsonDocument toBson() {
        return new BsonDocument("system", new BsonString(system.name()))
                .append("database", new BsonString(database))
                .append("collection", new BsonString(collection))
                .append("action", new BsonString(action.name()))
                .append("staging", string(staging))
                .append("aside", string(aside))
                .append("newView", newView == null ? BsonNull.VALUE : newView)
                .append("oldView", oldView == null ? BsonNull.VALUE : oldView)
                .append("swap", swap.toBson())
                .append("load", load.toBson());
    }

    /**
     * An entry as the journal holds it; {@code swapping} says whether a journal of a version before swap records
     * (which had only {@code asideComplete}) had reached the swap, so that its entries count as started.
     */
    static JournalEntry fromBson(BsonDocument document, boolean swapping) {
        Swap swap = document.containsKey("swap") ? Swap.fromBson(document.get("swap"))
                : new Swap(swapping, -1, null, document.getBoolean("asideComplete", BsonBoolean.FALSE).getValue(),
                null, false);
        return new JournalEntry(SystemKind.valueOf(document.getString("system").getValue()),
                document.getString("database").getValue(), document.getString("collection").getValue(),
                CollectionAction.valueOf(document.getString("action").getValue()),
                text(document.get("staging")), text(document.get("aside")), doc(document.get("newView")),
                doc(document.get("oldView")), swap, Load.fromBson(document.get("load")));
    }

    private static BsonValue string(String value) {
        return value == null ? BsonNull.VALUE : new BsonString(value);
    }

    private static String text(BsonValue value) {
        return value == null || value.isNull() ? null : value.asString().getValue();
    }

    private static BsonDocument doc(BsonValue value) {
        return value == null || value.isNull() ? null : value.asDocument();
    }
}
