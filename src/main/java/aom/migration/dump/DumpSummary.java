package aom.migration.dump;

import aom.migration.data.CollectionSource;
import org.bson.BsonString;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * What {@code inspect} shows about a mongodump directory or archive: databases, collections with their document
 * counts and index definitions, the format and its compression, and the tool and server versions where the format
 * records them (archives always do; directories only from mongo-tools 100.9 on, in {@code prelude.json}).
 *
 * @param notes what the reader left out or noticed (an oplog, skipped special collections, ignored files,
 *              the size of the temporary copy of a gzipped archive)
 */
public record DumpSummary(Path location, DumpFormat format, DumpCompression compression, String toolVersion,
                          String serverVersion, List<DatabaseSummary> databases, List<String> notes) {

    public DumpSummary {
        databases = List.copyOf(databases);
        notes = List.copyOf(notes);
    }

    public Optional<String> toolVersionIfKnown() {
        return Optional.ofNullable(toolVersion).filter(version -> !version.isBlank());
    }

    public Optional<String> serverVersionIfKnown() {
        return Optional.ofNullable(serverVersion).filter(version -> !version.isBlank());
    }

    public long documents() {
        return databases.stream().mapToLong(DatabaseSummary::documents).sum();
    }

    public int collections() {
        return databases.stream().mapToInt(database -> database.collections().size()).sum();
    }

    /** The summary of one database, if the dump holds it. */
    public Optional<DatabaseSummary> database(String name) {
        return databases.stream().filter(database -> database.name().equals(name)).findFirst();
    }

    /** Groups sources by database (in name order) with the given per-collection figures. */
    static List<DatabaseSummary> databases(List<CollectionSource> sources, ToLongFunction<CollectionSource> documents,
                                           ToLongFunction<CollectionSource> bytes) {
        Map<String, List<CollectionSummary>> byDatabase = new LinkedHashMap<>();
        sources.stream()
                .sorted((a, b) -> a.database().equals(b.database()) ? a.collection().compareTo(b.collection())
                        : a.database().compareTo(b.database()))
                .forEach(source -> byDatabase.computeIfAbsent(source.database(), name -> new ArrayList<>())
                        .add(new CollectionSummary(source.collection(), source.metadata().type(),
                                documents.applyAsLong(source), bytes.applyAsLong(source),
                                source.metadata().indexes().stream()
                                        .map(index -> index.getString("name", new BsonString(""))
                                                .getValue())
                                        .toList())));
        List<DatabaseSummary> result = new ArrayList<>();
        byDatabase.forEach((name, collections) -> result.add(new DatabaseSummary(name, collections)));
        return result;
    }
}
