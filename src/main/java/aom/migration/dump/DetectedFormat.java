package aom.migration.dump;

import java.nio.file.Path;

/**
 * What {@link DumpFormat#detect} found.
 *
 * @param description for a known format what it is ("gzip-compressed mongodump archive", "mongodump directory
 *                    with databases a, b"); for {@link DumpFormat#UNKNOWN} why the path is none of them
 */
public record DetectedFormat(DumpFormat format, Path path, String description) {

    public boolean isKnown() {
        return format != DumpFormat.UNKNOWN;
    }

    /** Whether this is mongodump output (an archive or a directory), as opposed to a bundle. */
    public boolean isMongodump() {
        return format == DumpFormat.ARCHIVE || format == DumpFormat.GZIP_ARCHIVE || format == DumpFormat.DIRECTORY;
    }
}
