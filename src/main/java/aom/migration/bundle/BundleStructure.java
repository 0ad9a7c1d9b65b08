package aom.migration.bundle;

import aom.migration.data.CorruptDataException;
import aom.migration.model.JsonObject;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks {@link BundleReader#open} makes before anything else: entry names (no absolute paths, {@code ..},
 * duplicates or folders), the manifest (present, ours, a version this build reads, valid), and that the zip and the
 * manifest list the same entries with the same sizes. Reads only the central directory and the manifest.
 */
final class BundleStructure {

    /** The largest manifest this build reads; a real one is a few hundred KB. */
    static final long MAX_MANIFEST_BYTES = 64L * 1024 * 1024;

    private BundleStructure() {
    }

    static Map<String, ZipArchiveEntry> zipEntries(Path file, ZipFile zip) {
        Map<String, ZipArchiveEntry> entries = new LinkedHashMap<>();
        for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
            String name = entry.getName();
            Optional<String> problem = BundlePaths.problem(name);
            if (problem.isPresent()) {
                throw new CorruptDataException(file + " is refused: " + problem.get());
            }
            if (entry.isDirectory() || name.endsWith("/")) {
                throw new CorruptDataException(file + " is refused: it contains the unexpected folder entry '"
                        + name + "'");
            }
            if (entries.put(name, entry) != null) {
                throw new CorruptDataException(file + " is refused: the entry '" + name + "' occurs twice");
            }
        }
        return entries;
    }

    static Manifest readManifest(Path file, ZipFile zip, Map<String, ZipArchiveEntry> entries)
            throws IOException {
        ZipArchiveEntry entry = entries.get(BundlePaths.MANIFEST);
        if (entry == null) {
            throw new CorruptDataException(file + " has no " + BundlePaths.MANIFEST
                    + ", so it is not an ApiOmat migration bundle");
        }
        if (entry.getSize() > MAX_MANIFEST_BYTES) {
            throw new CorruptDataException(file + ": its manifest claims " + entry.getSize()
                    + " bytes, far more than a manifest can have; the bundle is damaged or forged");
        }
        byte[] json;
        try (InputStream in = zip.getInputStream(entry)) {
            json = in.readNBytes((int) MAX_MANIFEST_BYTES + 1);
        } catch (IOException | RuntimeException e) {
            throw new CorruptDataException(file + ": its manifest cannot be read (" + e.getMessage() + ")", e);
        }
        if (json.length > MAX_MANIFEST_BYTES || entry.getSize() >= 0 && json.length != entry.getSize()) {
            throw new CorruptDataException(file + ": its manifest does not have the size the zip announces;"
                    + " the bundle is damaged");
        }
        int first = 0;
        while (first < json.length && Character.isWhitespace(json[first])) {
            first++;
        }
        JsonObject tree;
        try {
            tree = JsonObject.parse(json);
        } catch (IllegalArgumentException e) {
            throw new CorruptDataException(file + (first < json.length && json[first] != '{'
                    ? ": its manifest is not a JSON object" : ": its manifest is not valid JSON (" + e.getMessage() + ")"),
                    e);
        }
        String format = tree.describe("format");
        if (!Manifest.FORMAT.equals(format)) {
            throw new CorruptDataException(file + " is not an ApiOmat migration bundle (its manifest has format '"
                    + format + "', expected '" + Manifest.FORMAT + "')");
        }
        long version;
        try {
            version = tree.has("formatVersion") ? tree.int64("formatVersion", 0) : 0;
        } catch (IllegalArgumentException e) {
            version = 0;
        }
        if (version < 1) {
            throw new CorruptDataException(file + " has an unknown bundle format version '"
                    + tree.describe("formatVersion") + "'; this build reads version " + Manifest.FORMAT_VERSION);
        }
        if (version > Manifest.FORMAT_VERSION) {
            throw new CorruptDataException(file + " was written by a newer version of the migration tool (bundle"
                    + " format version " + version + "); this build reads format version "
                    + Manifest.FORMAT_VERSION + ". Use a newer migration.jar.");
        }
        Manifest manifest;
        try {
            manifest = Manifest.fromJson(tree);
        } catch (IllegalArgumentException e) {
            throw new CorruptDataException(file + ": its manifest is invalid (" + e.getMessage() + ")", e);
        }
        List<String> problems = manifest.problems();
        if (!problems.isEmpty()) {
            throw new CorruptDataException(file + ": its manifest is invalid: " + String.join("; ", problems));
        }
        return manifest;
    }

    static void checkEntriesAgainstManifest(Path file, Manifest manifest,
                                                    Map<String, ZipArchiveEntry> entries) {
        Map<String, Manifest.Entry> listed = new HashMap<>();
        for (Manifest.Entry entry : manifest.entries()) {
            listed.put(entry.path(), entry);
            ZipArchiveEntry zipEntry = entries.get(entry.path());
            if (zipEntry == null) {
                throw new CorruptDataException(file + " is incomplete: the manifest lists " + entry.path()
                        + ", but the bundle does not contain it");
            }
            if (zipEntry.getSize() >= 0 && zipEntry.getSize() != entry.bytes()) {
                throw new CorruptDataException(file + ": " + entry.path() + " has " + zipEntry.getSize()
                        + " bytes according to the zip, but " + entry.bytes()
                        + " according to the manifest; the bundle is damaged or forged");
            }
        }
        for (String name : entries.keySet()) {
            if (!name.equals(BundlePaths.MANIFEST) && !listed.containsKey(name)) {
                throw new CorruptDataException(file + " is refused: it contains the unexpected entry '" + name
                        + "', which the manifest does not list");
            }
        }
    }
}
