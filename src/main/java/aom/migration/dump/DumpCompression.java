package aom.migration.dump;

/** How a dump is compressed, as found from its content. */
public enum DumpCompression {
    NONE("none"),
    /** {@code mongodump --archive --gzip}: the whole archive is one gzip stream. */
    GZIP_ARCHIVE("gzip (whole archive)"),
    /** {@code mongodump --gzip} into a directory: every {@code .bson} and {@code .metadata.json} file is gzipped. */
    GZIP_FILES("gzip (every file)"),
    /** A directory where only some files are gzipped (files copied together from several dumps). */
    SOME_GZIP_FILES("gzip (some files)");

    private final String label;

    DumpCompression(String label) {
        this.label = label;
    }

    /** A short human label for {@code inspect}. */
    public String label() {
        return label;
    }
}
