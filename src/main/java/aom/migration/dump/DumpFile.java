package aom.migration.dump;

import aom.migration.data.CorruptDataException;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * One file of a database folder of a directory dump, classified by name as mongorestore does: collection data
 * ({@code .bson}, legacy {@code .bin}), collection metadata ({@code .metadata.json}), either gzipped
 * ({@code .gz}), the versions file ({@code prelude.json}), or something else.
 *
 * @param stem the file name without its suffixes: the collection name as mongodump escaped it
 */
record DumpFile(Path path, String stem, Kind kind, boolean gzip) {

    /** What a file in a dump folder is. */
    enum Kind { DATA, METADATA, PRELUDE, OTHER }

    /** mongodump truncates long collection names to this many characters and puts the real one in the metadata. */
    private static final int TRUNCATED_NAME_LENGTH = 238;

    static DumpFile of(Path path) {
        String name = path.getFileName().toString();
        if (name.equals("prelude.json") || name.equals("prelude.json.gz")) {
            return new DumpFile(path, "prelude", Kind.PRELUDE, name.endsWith(".gz"));
        }
        String[][] suffixes = {
            {".metadata.json.gz", "METADATA", "gz"}, {".metadata.json", "METADATA", ""},
            {".bson.gz", "DATA", "gz"}, {".bson", "DATA", ""}, {".bin", "DATA", ""},
        };
        for (String[] suffix : suffixes) {
            if (name.endsWith(suffix[0]) && name.length() > suffix[0].length()) {
                return new DumpFile(path, name.substring(0, name.length() - suffix[0].length()),
                        Kind.valueOf(suffix[1]), !suffix[2].isEmpty());
            }
        }
        return new DumpFile(path, name, Kind.OTHER, false);
    }

    /**
     * Whether mongodump cut the collection name short in the file name (then only the metadata's
     * {@code collectionName} has it).
     */
    boolean nameIsTruncated() {
        return stem.length() == TRUNCATED_NAME_LENGTH && stem.contains("%24");
    }

    /** The collection name: the stem with mongodump's URL path escaping ({@code %2F}, {@code %24}, ...) undone. */
    String collectionName() {
        return unescape(stem, path);
    }

    /** Undoes Go's {@code url.PathEscape}: {@code %XX} is a byte of UTF-8, everything else (even '+') is itself. */
    static String unescape(String escaped, Path origin) {
        if (escaped.indexOf('%') < 0) {
            return escaped;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(escaped.length());
        byte[] raw = escaped.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != '%') {
                bytes.write(raw[i]);
                continue;
            }
            int high = i + 2 < raw.length ? Character.digit(raw[i + 1], 16) : -1;
            int low = i + 2 < raw.length ? Character.digit(raw[i + 2], 16) : -1;
            if (high < 0 || low < 0) {
                throw new CorruptDataException(origin + ": the file name holds a broken escape sequence at '"
                        + escaped.substring(Math.min(i, escaped.length() - 1)) + "'");
            }
            bytes.write(high << 4 | low);
            i += 2;
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
