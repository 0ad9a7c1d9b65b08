package aom.migration.cli;

import aom.migration.bundle.BundlePaths;
import aom.migration.export.ArchiveExport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The file an export writes, looked at before the export starts and again after Ctrl+C stopped it: a path that
 * cannot become the file (a folder, a folder that is a file, a file there without {@code --force}) is refused
 * before any work, and a cancel says what it left (nothing, or which files).
 *
 * @param path   the file to write
 * @param what   "bundle" or "archive", for the messages
 * @param before the file's size and time before the export, or {@code null} when there was none
 */
record OutputFile(Path path, String what, Stamp before) {

    /** Size and last change of a file, to tell whether a cancelled export touched it. */
    record Stamp(long size, long modified) {
        static Stamp of(Path file) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return new Stamp(attributes.size(), attributes.lastModifiedTime().toMillis());
            } catch (IOException e) {
                return null;
            }
        }
    }

    /**
     * Checks {@code path} before an export: refuses (exit 2) a folder, a path under a file, and an existing file
     * unless {@code force}. Nothing is read from the source before this passes.
     */
    static OutputFile check(Path path, String what, boolean force) {
        Path absolute = path.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new UserError(ExitCode.BAD_INPUT, absolute + " is a folder; --out names the " + what + " file to"
                    + " write, e.g. --out " + absolute.resolve("<name>") + (what.equals("bundle") ? BundlePaths.EXTENSION
                    : ArchiveExport.EXTENSION));
        }
        for (Path folder = absolute.getParent(); folder != null; folder = folder.getParent()) {
            if (Files.exists(folder)) {
                if (!Files.isDirectory(folder)) {
                    throw new UserError(ExitCode.BAD_INPUT, "Cannot write the " + what + " " + absolute + ": "
                            + folder + " is a file, not a folder");
                }
                break;
            }
        }
        if (Files.exists(absolute) && !force) {
            throw new UserError(ExitCode.BAD_INPUT, absolute + " already exists; choose another --out or pass"
                    + " --force");
        }
        return new OutputFile(absolute, what, Files.exists(absolute) ? Stamp.of(absolute) : null);
    }

    /**
     * After a cancel: one sentence on what was left, from a look at the folder. Nothing, when the file is not there
     * (or is the one that was there before, untouched) and no part file of it is.
     */
    String afterCancel(String job) {
        List<Path> left = new ArrayList<>(partFiles());
        boolean written = before == null ? Files.exists(path) : !Objects.equals(before, Stamp.of(path));
        if (written) {
            left.add(0, path);
        }
        if (!left.isEmpty()) {
            return job + " cancelled with Ctrl+C. These files remain and can be deleted: "
                    + String.join(", ", left.stream().map(Path::toString).toList());
        }
        return job + " cancelled with Ctrl+C. Nothing was left behind: " + (before == null
                ? "neither " + path + " nor a part file of it exists."
                : "no part file of " + path + " exists, and the file is as it was before.");
    }

    /** Files in the folder named after the output and marked as unfinished ({@code .part}). */
    private List<Path> partFiles() {
        String name = path.getFileName().toString();
        try (Stream<Path> files = Files.list(path.getParent())) {
            return files.filter(file -> {
                String other = file.getFileName().toString();
                return (other.startsWith(name) || other.startsWith("." + name))
                        && other.toLowerCase(Locale.ROOT).contains(".part");
            }).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
