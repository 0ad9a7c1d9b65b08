package aom.migration.bundle;

import java.util.Locale;
import java.util.Optional;

/**
 * Where things live inside a bundle (DESIGN.md section 4) and which entry names a reader accepts. Database and
 * collection names are escaped the way mongodump escapes them ({@code %} and {@code /} as {@code %25} and
 * {@code %2F}, plus characters that file systems reject), so {@code mongorestore dump/} maps files back to the
 * same names; the manifest also records the unescaped names.
 */
public final class BundlePaths {

    /** The bundle file's extension, the one the installer registers with the desktop. */
    public static final String EXTENSION = ".aombundle";
    /** The manifest. */
    public static final String MANIFEST = "manifest.json";
    /** The README for people who open the zip by hand. */
    public static final String README = "README.txt";
    /** The folder of the metadata closure. */
    public static final String METADATA_FOLDER = "metadata/";
    /** Natural key, shared flag and parent of every metadata document (see {@link ClosureRecord}). */
    public static final String KEYS = METADATA_FOLDER + "_keys.jsonl";
    /** The folder that {@code mongorestore --drop dump/} restores. */
    public static final String DUMP_FOLDER = "dump/";

    private static final String UNSAFE = "%/\\:*?\"<>|";

    private BundlePaths() {
    }

    /** Whether {@code fileName} ends in {@link #EXTENSION}, whatever its case (as file managers match it). */
    public static boolean isBundleName(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(EXTENSION);
    }

    /** {@code metadata/<collection>.jsonl}. */
    public static String metadata(String collection) {
        return METADATA_FOLDER + escape(collection) + ".jsonl";
    }

    /** {@code dump/<database>/<collection>.bson}. */
    public static String documents(String database, String collection) {
        return DUMP_FOLDER + escape(database) + "/" + escape(collection) + ".bson";
    }

    /** {@code dump/<database>/<collection>.metadata.json}. */
    public static String definition(String database, String collection) {
        return DUMP_FOLDER + escape(database) + "/" + escape(collection) + ".metadata.json";
    }

    /** Escapes one name so that it is a single, harmless path segment. */
    public static String escape(String name) {
        StringBuilder escaped = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f || UNSAFE.indexOf(c) >= 0) {
                escaped.append('%').append(String.format("%02X", (int) c));
            } else {
                escaped.append(c);
            }
        }
        String result = escaped.toString();
        // A segment of only dots would climb out of its folder when unpacked.
        return result.chars().allMatch(c -> c == '.') ? result.replace(".", "%2E") : result;
    }

    /**
     * What is wrong with an entry name found in a zip, or empty when a bundle may contain it: absolute paths, drive
     * letters, backslashes, {@code .} or {@code ..} segments and empty segments are refused, because unpacking them
     * could write outside the folder the user chose.
     */
    public static Optional<String> problem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("an entry has an empty name");
        }
        if (name.startsWith("/") || name.length() >= 2 && name.charAt(1) == ':' && isAsciiLetter(name.charAt(0))) {
            return Optional.of("the entry '" + name + "' has an absolute path");
        }
        if (name.indexOf('\\') >= 0) {
            return Optional.of("the entry '" + name + "' contains a backslash");
        }
        if (name.indexOf('\0') >= 0) {
            return Optional.of("the entry '" + name.replace('\0', '?') + "' contains a NUL character");
        }
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..")) {
                return Optional.of("the entry '" + name + "' contains '..' and would be unpacked outside its folder");
            }
            if (segment.isEmpty() || segment.equals(".")) {
                return Optional.of("the entry '" + name + "' has an empty or '.' path segment");
            }
        }
        return Optional.empty();
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }
}
