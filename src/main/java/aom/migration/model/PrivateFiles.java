package aom.migration.model;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * How the tool creates what it writes (DESIGN.md section 10): readable by its user only, whatever the umask, and
 * visible under its final name only when complete.
 *
 * <ul>
 *   <li>Folders it creates are {@code 0700}, files {@code 0600}: asked for at creation and set again right after, as
 *   the umask can only take bits away. Where the file system has no POSIX permissions but ACLs (Windows, NTFS), the
 *   ACL is replaced by one entry that gives the owner full access; where it has neither (FAT), nothing is done.</li>
 *   <li>A file is written to a part file with a random name beside it, created exclusively ({@code CREATE_NEW}), so
 *   that no two writers ever share one and none truncates or deletes another's, and then moved to its name in one
 *   step. {@link #publish} never replaces a file that appeared meanwhile unless told to.</li>
 * </ul>
 */
public final class PrivateFiles {

    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private PrivateFiles() {
    }

    /**
     * Creates {@code folder} and its missing parents, each of those it creates owner-only; folders that exist keep
     * their permissions (a user's own folder is theirs to set).
     *
     * @return {@code folder}
     */
    public static Path folder(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return folder;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            folder(parent);
        }
        try {
            if (posix(parent)) {
                Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(FOLDER));
            } else {
                Files.createDirectory(absolute);
            }
        } catch (FileAlreadyExistsException e) {
            if (Files.isDirectory(absolute)) {
                // another process created it meanwhile
                return folder;
            }
            throw e;
        }
        restrict(absolute, true);
        return folder;
    }

    /** Makes an existing folder of the tool's own owner-only ({@code ~/.aom-migration} made by older versions). */
    public static void tighten(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            restrict(folder, true);
        }
    }

    /** Creates {@code file}, which must not exist, owner-only and empty, and opens it for writing. */
    public static OutputStream createNew(Path file) throws IOException {
        return Channels.newOutputStream(createChannel(file, StandardOpenOption.WRITE));
    }

    /**
     * Creates {@code file}, which must not exist, owner-only, and opens a channel on it with {@code options} (plus
     * {@code CREATE_NEW}).
     */
    public static FileChannel createChannel(Path file, StandardOpenOption... options) throws IOException {
        Set<StandardOpenOption> open = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        open.addAll(List.of(options));
        Path parent = file.toAbsolutePath().getParent();
        FileAttribute<?>[] attributes = posix(parent)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
        FileChannel channel = FileChannel.open(file, open, attributes);
        try {
            restrict(file, false);
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(file);
            throw e;
        }
        return channel;
    }

    /** A fresh part file name beside {@code target}: {@code <name>.<random>.part}; nothing is created. */
    public static Path partFile(Path target) {
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        Path absolute = target.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + "." + HexFormat.of().formatHex(random) + ".part");
    }

    /**
     * Moves the complete {@code part} to {@code target} in one step.
     *
     * @param replace whether an existing {@code target} may be replaced; without it a target that exists, or
     *                appears while this runs, is left alone and a {@link FileAlreadyExistsException} thrown (the
     *                part file stays for the caller to delete)
     */
    public static void publish(Path part, Path target, boolean replace) throws IOException {
        if (replace) {
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return;
        }
        // A hard link is created only where no file of that name exists, checked and done by the file system in
        // one step; a rename would replace a file that appeared after any check of ours.
        try {
            Files.createLink(target, part);
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (e instanceof FileAlreadyExistsException) {
                throw e;
            }
            // No hard links here (FAT, some network shares): a move that refuses an existing target.
            Files.move(part, target);
            return;
        }
        Files.delete(part);
    }

    /** Writes {@code content} to {@code target} through an owner-only part file, then {@link #publish}es it. */
    public static void write(Path target, byte[] content, boolean replace) throws IOException {
        Path part = partFile(target);
        try {
            try (FileChannel channel = createChannel(part)) {
                OutputStream out = Channels.newOutputStream(channel);
                out.write(content);
                out.flush();
                channel.force(true);
            }
            publish(part, target, replace);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** Forces {@code file}'s content to the disk, so that a crash after its move cannot leave it empty. */
    public static void sync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Sets owner-only permissions on an existing file or folder, where the file system has a way to. */
    public static void restrict(Path path, boolean folder) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (posix != null) {
            posix.setPermissions(folder ? FOLDER : FILE);
            return;
        }
        AclFileAttributeView acl = Files.getFileAttributeView(path, AclFileAttributeView.class);
        if (acl != null) {
            UserPrincipal owner = acl.getOwner();
            AclEntry.Builder entry = AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(owner)
                    .setPermissions(EnumSet.allOf(AclEntryPermission.class));
            if (folder) {
                entry.setFlags(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT);
            }
            acl.setAcl(List.of(entry.build()));
        }
    }

    private static boolean posix(Path folder) {
        Path probe = folder == null ? Path.of("").toAbsolutePath() : folder;
        return probe.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
