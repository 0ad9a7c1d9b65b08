package aom.migration.dump;

import java.util.Optional;

/**
 * Collections a dump may hold that an import leaves out, as mongorestore does, with the reason a user is told.
 * Everything else is imported, {@code system.js}, views and GridFS buckets included; whether the {@code admin}
 * database is imported at all is the user's database mapping's business.
 */
final class SpecialCollections {

    private SpecialCollections() {
    }

    /** Why {@code database.collection} is not imported, or empty when it is. */
    static Optional<String> whyLeftOut(String database, String collection) {
        if (database.isEmpty() && collection.equals("oplog")) {
            return Optional.of("the dump holds an oplog (mongodump --oplog); it is not replayed");
        }
        if (collection.equals("system.profile")) {
            return Optional.of(database + ".system.profile is left out: it is the server's profiler log "
                    + "(mongorestore skips it too)");
        }
        if (collection.startsWith("$")) {
            return Optional.of(database + "." + collection + " is left out: users and roles of a single-database "
                    + "dump (--dumpDbUsersAndRoles) are not imported");
        }
        if (collection.equals("system.indexes")) {
            return Optional.of(database + ".system.indexes is read as index definitions, not as a collection");
        }
        return Optional.empty();
    }
}
