package aom.migration.model;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Checks an application name against MongoDB's database-name rules, since every application name becomes a
 * database name (plus a system suffix). The rules are the union over platforms, because a bundle made on Linux
 * may be imported on Windows.
 */
public final class ApplicationNames {

    /** Characters MongoDB forbids in database names on any platform. */
    public static final String FORBIDDEN = "/\\. \"$*<>:|?";
    /** Database names must be shorter than this many bytes. */
    public static final int MAX_DATABASE_NAME_BYTES = 64;

    private ApplicationNames() {
    }

    /** Returns a message describing what is wrong with {@code name}, or empty if it is a valid application name. */
    public static Optional<String> problem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("The application name is empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\0') {
                return Optional.of("The application name contains a NUL character");
            }
            if (FORBIDDEN.indexOf(c) >= 0) {
                return Optional.of("The application name '" + name + "' contains '" + c
                        + "', which MongoDB does not allow in database names (forbidden: "
                        + FORBIDDEN.replace(" ", "space ") + ")");
            }
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        int maxBytes = MAX_DATABASE_NAME_BYTES - 1 - DatabaseNaming.longestSuffixBytes();
        if (bytes > maxBytes) {
            return Optional.of("The application name '" + name + "' is " + bytes + " bytes long; with the system"
                    + " suffix its database names would exceed MongoDB's limit (at most " + maxBytes + " bytes)");
        }
        return Optional.empty();
    }

    /** @throws BadInputException with {@link #problem(String)}'s message when the name is invalid */
    public static String requireValid(String name) {
        problem(name).ifPresent(message -> {
            throw new BadInputException(message);
        });
        return name;
    }
}
