package aom.migration.restore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of the collections an import creates next to the live ones: the staging collection it loads into
 * ({@code Basics_User.__aom_import}) and the set-aside collection the live one is renamed to until the import is
 * verified ({@code Basics_User.__aom_old}). The names cannot clash with ApiOmat's own collections, and they let the
 * next run recognise the leftovers of an interrupted import.
 *
 * <p>Collections named {@code system.*} get the mark in front ({@code __aom_import.system.js}), because MongoDB does
 * not let clients create other {@code system.} collections. When {@code database.name} would exceed
 * {@value #NAMESPACE_LIMIT_BYTES} bytes, the name becomes {@code __aom_import_<16 hex digits of the name's SHA-256>};
 * the journal records which collection it belongs to. The limit is that of MongoDB before 4.4 (120 bytes; 4.4+
 * allows 255, mongo-java-server 128), so the names fit every server the tool may meet.
 */
final class StagingNames {

    static final String STAGING_MARK = "__aom_import";
    static final String ASIDE_MARK = "__aom_old";
    static final int NAMESPACE_LIMIT_BYTES = 120;

    private static final Pattern SUFFIXED = Pattern.compile("^(.+)\\.(__aom_import|__aom_old)$");
    private static final Pattern PREFIXED = Pattern.compile("^(__aom_import|__aom_old)\\.(system\\..+)$");
    private static final Pattern HASHED = Pattern.compile("^(__aom_import|__aom_old)_[0-9a-f]{16}$");

    private StagingNames() {
    }

    /** The staging collection for {@code collection} of {@code database}. */
    static String staging(String database, String collection) {
        return name(database, collection, STAGING_MARK);
    }

    /** The set-aside name for {@code collection} of {@code database}. */
    static String aside(String database, String collection) {
        return name(database, collection, ASIDE_MARK);
    }

    /** Whether {@code name} is a staging or set-aside collection of an import. */
    static boolean isLeftover(String name) {
        return SUFFIXED.matcher(name).matches() || PREFIXED.matcher(name).matches()
                || HASHED.matcher(name).matches();
    }

    static boolean isStaging(String name) {
        return isLeftover(name) && name.contains(STAGING_MARK);
    }

    static boolean isAside(String name) {
        return isLeftover(name) && name.contains(ASIDE_MARK);
    }

    /** The collection a leftover belongs to, when its name says so (not for hashed names). */
    static Optional<String> original(String name) {
        Matcher suffixed = SUFFIXED.matcher(name);
        if (suffixed.matches()) {
            return Optional.of(suffixed.group(1));
        }
        Matcher prefixed = PREFIXED.matcher(name);
        if (prefixed.matches()) {
            return Optional.of(prefixed.group(2));
        }
        return Optional.empty();
    }

    /** Whether {@code database.collection} fits the namespace limit of every server version. */
    static boolean fits(String database, String collection) {
        return (database + "." + collection).getBytes(StandardCharsets.UTF_8).length <= NAMESPACE_LIMIT_BYTES;
    }

    private static String name(String database, String collection, String mark) {
        String candidate = collection.startsWith("system.") ? mark + "." + collection : collection + "." + mark;
        if (fits(database, candidate)) {
            return candidate;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(collection.getBytes(StandardCharsets.UTF_8));
            return mark + "_" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
