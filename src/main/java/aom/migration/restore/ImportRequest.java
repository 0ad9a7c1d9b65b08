package aom.migration.restore;

import aom.migration.data.CollectionSource;
import aom.migration.model.ApplicationNames;
import aom.migration.model.DatabaseNaming;
import aom.migration.model.ExtractionProfile;
import aom.migration.model.SystemKind;
import org.bson.RawBsonDocument;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What to import into one target installation; a bundle, a mongodump directory or archive, or a direct migration
 * all come down to this.
 *
 * @param application  the application's name
 * @param targetNaming how the target names the application's databases
 * @param data         per system to import, every collection of its database; a system that is absent stays
 *                     untouched, a present one ends equal to its list (target-only collections are dropped)
 * @param metadata     the application's metadata closure, per metadata collection in profile order, or
 *                     {@code null} to leave the metadata alone
 * @param profile      the extraction profile describing the metadata schema
 * @param source       what is known about the source, for warnings
 */
public record ImportRequest(String application, DatabaseNaming targetNaming,
                            Map<SystemKind, List<CollectionSource>> data,
                            Map<String, List<RawBsonDocument>> metadata, ExtractionProfile profile,
                            SourceDescription source) {

    public ImportRequest {
        if (application == null || application.isBlank()) {
            throw new IllegalArgumentException("The application name is missing");
        }
        // Every database the import touches is named after the application.
        ApplicationNames.requireValid(application);
        if (targetNaming == null) {
            throw new IllegalArgumentException("The target's naming convention is missing");
        }
        Map<SystemKind, List<CollectionSource>> copy = new EnumMap<>(SystemKind.class);
        if (data != null) {
            data.forEach((system, sources) -> copy.put(system, List.copyOf(sources)));
        }
        data = Collections.unmodifiableMap(copy);
        metadata = metadata == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        profile = profile == null ? ExtractionProfile.defaults() : profile;
        source = source == null ? SourceDescription.unknown() : source;
    }

    public Optional<Map<String, List<RawBsonDocument>>> metadataIfIncluded() {
        return Optional.ofNullable(metadata);
    }

    /** The target database of {@code system}. */
    public String targetDatabase(SystemKind system) {
        return targetNaming.databaseName(application, system);
    }
}
