package aom.migration.restore;

import aom.migration.bundle.BundleCollection;
import aom.migration.bundle.BundleReader;
import aom.migration.data.CollectionSource;
import aom.migration.bundle.EntryKind;
import aom.migration.bundle.Manifest;
import aom.migration.model.BadInputException;
import aom.migration.model.DatabaseNaming;
import aom.migration.model.ExtractionProfile;
import aom.migration.model.ProfileDifferences;
import aom.migration.model.SystemKind;
import aom.migration.mongo.Installation;
import aom.migration.mongo.SystemHosts;
import org.bson.RawBsonDocument;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns an opened bundle into an {@link ImportRequest}: the systems and metadata the user chose, the extraction
 * profile in force (the tool's, never the bundle's: DESIGN.md section 4, "The bundle informs; the tool decides"), and
 * the naming convention the target uses for the application.
 */
public final class BundleImport {

    private BundleImport() {
    }

    /**
     * The request to import {@code bundle} into a target whose databases follow {@code targetNaming}.
     *
     * @param systems  the systems to import; each must be in the bundle
     * @param metadata whether to merge the metadata closure; the bundle must hold it
     * @throws IllegalArgumentException naming what the bundle lacks
     * @throws aom.migration.data.CorruptDataException when the README or the keys file is damaged
     */
    public static ImportRequest request(BundleReader bundle, DatabaseNaming targetNaming, Set<SystemKind> systems,
                                        boolean metadata) {
        return request(bundle, targetNaming, systems, metadata, Placement.AS_IS, ExtractionProfile.defaults());
    }

    /**
     * {@link #request(BundleReader, DatabaseNaming, Set, boolean)} with the extraction profile {@code inForce} (the
     * built-in one or one the user named): what the import may overwrite or remove in the target follows it, whatever
     * the bundle's manifest says; {@link #profileDifferences} tells where the two differ.
     */
    public static ImportRequest request(BundleReader bundle, DatabaseNaming targetNaming, Set<SystemKind> systems,
                                        boolean metadata, ExtractionProfile inForce) {
        return request(bundle, targetNaming, systems, metadata, Placement.AS_IS, inForce);
    }

    /** {@link #request(BundleReader, DatabaseNaming, Set, boolean)} under the name and into the systems given. */
    public static ImportRequest request(BundleReader bundle, DatabaseNaming targetNaming, Set<SystemKind> systems,
                                        boolean metadata, Placement placement) {
        return request(bundle, targetNaming, systems, metadata, placement, ExtractionProfile.defaults());
    }

    /**
     * The request to import {@code bundle} under the name and into the systems {@code placement} says, with the
     * extraction profile {@code inForce}.
     *
     * @param systems      the bundle's systems to import; each must be in the bundle
     * @param targetNaming how the target names the databases of the application under its name there
     * @throws IllegalArgumentException naming what the bundle lacks, or two systems going into one
     */
    public static ImportRequest request(BundleReader bundle, DatabaseNaming targetNaming, Set<SystemKind> systems,
                                        boolean metadata, Placement placement, ExtractionProfile inForce) {
        Manifest manifest = bundle.manifest();
        try {
            // An encrypted bundle is authenticated whole before anything is written (DESIGN.md section 4).
            bundle.authenticate();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + bundle.file(), e);
        }
        verifyUnusedEntries(bundle);
        for (SystemKind system : systems) {
            if (!manifest.selection().systemKinds().contains(system)) {
                throw new BadInputException("The bundle holds no " + system + " data (it has: "
                        + (manifest.selection().systems().isEmpty() ? "none"
                        : String.join(", ", manifest.selection().systems())) + ")");
            }
        }
        Map<SystemKind, SystemKind> targets = placement.targets(systems);
        Map<SystemKind, List<CollectionSource>> data = new EnumMap<>(SystemKind.class);
        targets.forEach((target, source) -> data.put(target, new ArrayList<CollectionSource>(
                bundle.collections(source.name()))));
        String application = manifest.application().name();
        String name = placement.nameFor(application);
        Map<String, List<RawBsonDocument>> closure = null;
        if (metadata) {
            if (!manifest.selection().metadata()) {
                throw new BadInputException("The bundle holds no metadata; import its data only");
            }
            closure = new LinkedHashMap<>();
            for (String collection : bundle.metadataCollections()) {
                if (!inForce.collections().containsKey(collection)) {
                    // Only what the profile in force describes is imported (ProfileDifferences names the rest).
                    continue;
                }
                try (Stream<RawBsonDocument> documents = bundle.metadataDocuments(collection)) {
                    closure.put(collection, documents.toList());
                }
            }
            if (!name.equals(application)) {
                closure = ApplicationRename.of(inForce, application, name).apply(closure);
            }
        }
        DatabaseNaming sourceNaming = manifest.application().databaseNaming();
        SourceDescription source = new SourceDescription(manifest.source().hosts(),
                manifest.source().serverVersion(), sourceNaming, name.equals(application) ? null : application,
                targets, fingerprint(manifest));
        return new ImportRequest(name, targetNaming, data, closure, inForce, source);
    }

    /** The SHA-256 of the manifest as this build writes it: the same for the same bundle, whatever its file. */
    static String fingerprint(Manifest manifest) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(manifest.toJson()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Where the bundle's extraction profile differs from {@code inForce}, one line each ({@link ProfileDifferences});
     * empty for a bundle without metadata or with the same profile.
     */
    public static List<String> profileDifferences(BundleReader bundle, ExtractionProfile inForce) {
        if (!bundle.manifest().selection().metadata()) {
            return List.of();
        }
        return ProfileDifferences.between(inForce, bundle.manifest().profile());
    }

    /**
     * The import never reads the README and the keys file, so their checksums would go unchecked; but a damaged
     * one means a damaged copy of the bundle, which is refused before anything is written, like any other.
     */
    private static void verifyUnusedEntries(BundleReader bundle) {
        for (Manifest.Entry entry : bundle.manifest().entries()) {
            if (entry.kind() == EntryKind.README || entry.kind() == EntryKind.KEYS) {
                try (InputStream in = bundle.openEntry(entry)) {
                    in.transferTo(OutputStream.nullOutputStream());
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read " + entry.path() + " from " + bundle.file(), e);
                }
            }
        }
    }

    /**
     * The naming convention for the application's databases on {@code target}: what the target already uses for
     * it when that can be told, otherwise the bundle's, otherwise dashed.
     */
    public static DatabaseNaming targetNaming(Installation target, BundleReader bundle) {
        return TargetNaming.choose(target, bundle.manifest().application().name(),
                bundle.manifest().application().databaseNaming());
    }

    /** {@link #targetNaming(Installation, BundleReader)} where the target's systems may live on hosts of their own. */
    public static DatabaseNaming targetNaming(SystemHosts target, BundleReader bundle) {
        return targetNaming(target, bundle, bundle.manifest().application().name());
    }

    /** The naming convention for the databases of the application imported as {@code name}. */
    public static DatabaseNaming targetNaming(SystemHosts target, BundleReader bundle, String name) {
        return TargetNaming.choose(target, name, bundle.manifest().application().databaseNaming());
    }

    /** The systems whose data the bundle holds. */
    public static Set<SystemKind> systemsIn(BundleReader bundle) {
        return bundle.manifest().selection().systemKinds();
    }

    /** Every collection of the bundle for {@code system}, for callers that want to show them. */
    public static List<BundleCollection> collections(BundleReader bundle, SystemKind system) {
        return bundle.collections(system.name());
    }
}
