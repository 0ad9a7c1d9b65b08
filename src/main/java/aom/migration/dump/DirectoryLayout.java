package aom.migration.dump;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * How a folder holds a mongodump directory dump. The rules, in order:
 * <ol>
 *   <li>A <b>dump root</b> (what {@code mongodump --out dump} writes): the folder has at least one subfolder that
 *       directly holds dump files ({@code .bson}, {@code .bson.gz}, {@code .bin}, {@code .metadata.json},
 *       {@code .metadata.json.gz}). Each such subfolder is a database named like the subfolder. Subfolders without
 *       dump files and files in the root ({@code oplog.bson}, {@code prelude.json}) are not databases.</li>
 *   <li>A <b>database folder</b> (what {@code mongodump --db X} writes below the root, or one folder of a dump):
 *       otherwise, the folder directly holds dump files; the database is named like the folder.</li>
 *   <li>Anything else is not a dump. Only one level is searched: a folder that merely contains a {@code dump}
 *       folder is refused with a hint to pick that one, so that an unpacked bundle (whose {@code dump/} lacks the
 *       application metadata) is never imported as a plain dump by accident.</li>
 * </ol>
 *
 * @param root            the folder the user named
 * @param databaseFolders the database folders with the database names they stand for, in name order
 * @param singleDatabase  whether the root itself is the only database folder
 */
record DirectoryLayout(Path root, List<DatabaseFolder> databaseFolders, boolean singleDatabase) {

    /** One database folder of a dump. */
    record DatabaseFolder(String database, Path folder) {
    }

    DirectoryLayout {
        databaseFolders = List.copyOf(databaseFolders);
    }

    /**
     * Finds the layout of {@code folder}.
     *
     * @throws UnknownFormatException when the folder is not a dump, saying why
     */
    static DirectoryLayout of(Path folder) throws IOException {
        List<Path> subfolders = new ArrayList<>();
        boolean hasDumpFiles = false;
        for (Path child : list(folder)) {
            if (Files.isDirectory(child)) {
                subfolders.add(child);
            } else if (isDumpFile(child.getFileName().toString()) && !isRootFile(child.getFileName().toString())) {
                hasDumpFiles = true;
            }
        }
        List<DatabaseFolder> databases = new ArrayList<>();
        for (Path subfolder : subfolders) {
            if (holdsDumpFiles(subfolder)) {
                databases.add(new DatabaseFolder(subfolder.getFileName().toString(), subfolder));
            }
        }
        if (!databases.isEmpty()) {
            databases.sort((a, b) -> a.database().compareTo(b.database()));
            return new DirectoryLayout(folder, databases, false);
        }
        if (hasDumpFiles) {
            return new DirectoryLayout(folder, List.of(new DatabaseFolder(databaseName(folder), folder)), true);
        }
        throw new UnknownFormatException(whyNot(folder));
    }

    /** Names the layout for the user ("mongodump directory with databases a, b"). */
    String describe() {
        List<String> names = databaseFolders.stream().map(DatabaseFolder::database).toList();
        return singleDatabase ? "mongodump folder of database " + names.get(0)
                : "mongodump directory with " + (names.size() == 1 ? "database " : "databases ")
                + String.join(", ", names);
    }

    static boolean isDumpFile(String name) {
        return name.endsWith(".bson") || name.endsWith(".bson.gz") || name.endsWith(".bin")
                || name.endsWith(".metadata.json") || name.endsWith(".metadata.json.gz");
    }

    /** Files mongodump writes into the root of a full dump, which do not make a folder a database folder. */
    static boolean isRootFile(String name) {
        return name.equals("oplog.bson") || name.equals("oplog.bson.gz");
    }

    private static boolean holdsDumpFiles(Path folder) throws IOException {
        for (Path child : list(folder)) {
            if (Files.isRegularFile(child) && isDumpFile(child.getFileName().toString())) {
                return true;
            }
        }
        return false;
    }

    private static String whyNot(Path folder) throws IOException {
        Path dump = folder.resolve("dump");
        if (Files.isDirectory(dump) && Files.exists(folder.resolve("manifest.json"))) {
            return folder + " looks like an unpacked migration bundle; import the bundle file itself (or, for the"
                    + " instance data only, the dump folder " + dump + ")";
        }
        if (Files.isDirectory(dump)) {
            return folder + " holds no mongodump files itself; did you mean its folder " + dump + "?";
        }
        return folder + " is a folder without mongodump files (.bson, .bson.gz, .metadata.json, .metadata.json.gz),"
                + " neither directly nor in its subfolders";
    }

    private static String databaseName(Path folder) {
        Path name = folder.toAbsolutePath().normalize().getFileName();
        return name == null ? folder.toString() : name.toString();
    }

    static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            return children.sorted().toList();
        }
    }
}
