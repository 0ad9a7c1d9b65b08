package aom.migration.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of the collections an import works with next to the live ones (DESIGN.md section 5, "Working namespaces
 * are the tool's own"): the staging collection it loads into ({@code Basics_User.__aom_import_1a2b3c4d}), the
 * set-aside collection the live one is renamed to until the import is verified ({@code Basics_User.__aom_old_1a2b3c4d})
 * and the scratch collections of its rename check ({@code __aom_probe_1a2b3c4d_a}). Every name carries the mark
 * {@code __aom_} and the import's own tag (8 hex digits), so that one import's working collections are never
 * mistaken for another's, for a leftover, or for a collection a bundle brings.
 *
 * <p>Every reader of an installation (export, sizes, plan, verification) leaves working collections out, and an
 * import refuses to bring a collection whose name has their form: the tool would take it for its own.
 *
 * <p>Collections named {@code system.*} get the mark in front ({@code __aom_import_1a2b3c4d.system.js}), because
 * MongoDB does not let clients create other {@code system.} collections. When {@code database.name} would exceed
 * {@value #NAMESPACE_LIMIT_BYTES} bytes, the name becomes {@code __aom_import_<tag>_<16 hex digits of the name's
 * SHA-256>}; the journal records which collection it belongs to. The limit is that of MongoDB before 4.4 (120 bytes;
 * 4.4+ allows 255, mongo-java-server 128), so the names fit every server the tool may meet.
 *
 * <p>Versions before the tag wrote {@code .__aom_import} and {@code .__aom_old} without one ("legacy" names below):
 * they are still recognised as leftovers, with no import of their own.
 */
public final class WorkingNames {

    /** The kind of a working collection. */
    public enum Kind {
        STAGING("__aom_import"),
        ASIDE("__aom_old"),
        PROBE("__aom_probe");

        private final String mark;

        Kind(String mark) {
            this.mark = mark;
        }

        public String mark() {
            return mark;
        }
    }

    public static final int NAMESPACE_LIMIT_BYTES = 120;

    /** The collection of the metadata database in which versions before per-application journals kept them. */
    public static final String LEGACY_JOURNAL = "__aom_import_journal";
    /** The collection in which those versions saved every application's metadata slice. */
    public static final String LEGACY_SLICE = "__aom_import_rollback";

    private static final String TAG = "[0-9a-f]{8}";
    private static final Pattern TAGGED_SUFFIX = Pattern.compile("^(.+)\\.(__aom_import|__aom_old)_(" + TAG + ")$");
    private static final Pattern TAGGED_PREFIX = Pattern.compile("^(__aom_import|__aom_old)_(" + TAG
            + ")\\.(system\\..+)$");
    private static final Pattern TAGGED_HASH = Pattern.compile("^(__aom_import|__aom_old)_(" + TAG + ")_[0-9a-f]{16}$");
    private static final Pattern PROBE = Pattern.compile("^__aom_probe_(" + TAG + ")_[a-z]$");
    private static final Pattern LEGACY_SUFFIX = Pattern.compile("^(.+)\\.(__aom_import|__aom_old)$");
    private static final Pattern LEGACY_PREFIX = Pattern.compile("^(__aom_import|__aom_old)\\.(system\\..+)$");
    private static final Pattern LEGACY_HASH = Pattern.compile("^(__aom_import|__aom_old)_[0-9a-f]{16}$");
    private static final Pattern VALID_TAG = Pattern.compile("^" + TAG + "$");

    private WorkingNames() {
    }

    /** The collection of the metadata database that holds the journal of {@code application}'s import. */
    public static String journal(String application) {
        return LEGACY_JOURNAL + "." + application;
    }

    /** The collection of the metadata database that holds {@code application}'s metadata saved by its import. */
    public static String slice(String application) {
        return LEGACY_SLICE + "." + application;
    }

    /** A new import tag: 8 hex digits from {@code importId}, which should be random. */
    public static String tagOf(String importId) {
        String hex = importId.replace("-", "").toLowerCase();
        if (hex.length() < 8 || !VALID_TAG.matcher(hex.substring(0, 8)).matches()) {
            throw new IllegalArgumentException("An import id must start with 8 hex digits: " + importId);
        }
        return hex.substring(0, 8);
    }

    /** The staging collection for {@code collection} of {@code database} in the import tagged {@code tag}. */
    public static String staging(String database, String collection, String tag) {
        return name(database, collection, Kind.STAGING, tag);
    }

    /** The set-aside name for {@code collection} of {@code database} in the import tagged {@code tag}. */
    public static String aside(String database, String collection, String tag) {
        return name(database, collection, Kind.ASIDE, tag);
    }

    /** The scratch collection {@code letter} of the rename check of the import tagged {@code tag}. */
    public static String probe(String tag, char letter) {
        return Kind.PROBE.mark() + "_" + tag + "_" + letter;
    }

    /** Whether {@code name} is a working collection of an import (of any import, or of a version before tags). */
    public static boolean isWorking(String name) {
        return kind(name).isPresent();
    }

    /** The kind of working collection {@code name} is, if it is one. */
    public static Optional<Kind> kind(String name) {
        for (Pattern pattern : new Pattern[] {TAGGED_SUFFIX, LEGACY_SUFFIX}) {
            Matcher matcher = pattern.matcher(name);
            if (matcher.matches()) {
                return Optional.of(kindOfMark(matcher.group(2)));
            }
        }
        for (Pattern pattern : new Pattern[] {TAGGED_PREFIX, TAGGED_HASH, LEGACY_PREFIX, LEGACY_HASH}) {
            Matcher matcher = pattern.matcher(name);
            if (matcher.matches()) {
                return Optional.of(kindOfMark(matcher.group(1)));
            }
        }
        return PROBE.matcher(name).matches() ? Optional.of(Kind.PROBE) : Optional.empty();
    }

    /** The tag of the import that made {@code name}; empty for names of versions before tags and for other names. */
    public static Optional<String> tag(String name) {
        Matcher suffix = TAGGED_SUFFIX.matcher(name);
        if (suffix.matches()) {
            return Optional.of(suffix.group(3));
        }
        for (Pattern pattern : new Pattern[] {TAGGED_PREFIX, TAGGED_HASH, PROBE}) {
            Matcher matcher = pattern.matcher(name);
            if (matcher.matches()) {
                return Optional.of(matcher.group(pattern == PROBE ? 1 : 2));
            }
        }
        return Optional.empty();
    }

    /** The collection a working collection belongs to, when its name says so (not for hashed names and probes). */
    public static Optional<String> original(String name) {
        for (Pattern pattern : new Pattern[] {TAGGED_SUFFIX, LEGACY_SUFFIX}) {
            Matcher matcher = pattern.matcher(name);
            if (matcher.matches()) {
                return Optional.of(matcher.group(1));
            }
        }
        Matcher tagged = TAGGED_PREFIX.matcher(name);
        if (tagged.matches()) {
            return Optional.of(tagged.group(3));
        }
        Matcher legacy = LEGACY_PREFIX.matcher(name);
        return legacy.matches() ? Optional.of(legacy.group(2)) : Optional.empty();
    }

    /** Whether {@code database.collection} fits the namespace limit of every server version. */
    public static boolean fits(String database, String collection) {
        return (database + "." + collection).getBytes(StandardCharsets.UTF_8).length <= NAMESPACE_LIMIT_BYTES;
    }

    private static Kind kindOfMark(String mark) {
        return mark.equals(Kind.STAGING.mark()) ? Kind.STAGING : Kind.ASIDE;
    }

    private static String name(String database, String collection, Kind kind, String tag) {
        if (!VALID_TAG.matcher(tag).matches()) {
            throw new IllegalArgumentException("Not an import tag: " + tag);
        }
        String marked = kind.mark() + "_" + tag;
        String candidate = collection.startsWith("system.") ? marked + "." + collection : collection + "." + marked;
        if (fits(database, candidate)) {
            return candidate;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(collection.getBytes(StandardCharsets.UTF_8));
            return marked + "_" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
