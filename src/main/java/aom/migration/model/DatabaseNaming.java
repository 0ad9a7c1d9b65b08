package aom.migration.model;

/**
 * How an installation names an application's per-system databases. Both conventions exist in the field:
 * {@code ConferenceApp}, {@code ConferenceApp-staging}, {@code ConferenceApp-test} (dashed) and
 * {@code ShopApp}, {@code ShopAppSTAGING}, {@code ShopAppTEST} (suffixed). LIVE has no suffix in either.
 */
public enum DatabaseNaming {
    DASHED("-staging", "-test"),
    SUFFIXED("STAGING", "TEST");

    private final String stagingSuffix;
    private final String testSuffix;

    DatabaseNaming(String stagingSuffix, String testSuffix) {
        this.stagingSuffix = stagingSuffix;
        this.testSuffix = testSuffix;
    }

    /** The database that holds {@code system}'s data of application {@code app}. */
    public String databaseName(String app, SystemKind system) {
        return app + suffix(system);
    }

    /** The suffix appended to the application name for {@code system} (empty for LIVE). */
    public String suffix(SystemKind system) {
        return switch (system) {
            case LIVE -> "";
            case STAGING -> stagingSuffix;
            case TEST -> testSuffix;
        };
    }

    /** The longest suffix any convention appends, for database-name length checks. */
    public static int longestSuffixBytes() {
        int longest = 0;
        for (DatabaseNaming naming : values()) {
            for (SystemKind system : SystemKind.values()) {
                longest = Math.max(longest, naming.suffix(system).length());
            }
        }
        return longest;
    }

    /** Parses {@code dashed} or {@code suffixed}, case-insensitively. */
    public static DatabaseNaming parse(String text) {
        for (DatabaseNaming naming : values()) {
            if (naming.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return naming;
            }
        }
        throw new BadInputException("Unknown naming convention '" + text + "': use DASHED or SUFFIXED");
    }
}
