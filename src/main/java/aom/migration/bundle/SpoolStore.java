package aom.migration.bundle;

import aom.migration.model.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Where entries wait until the bundle writer can copy them into the zip: in memory while a shared budget lasts,
 * then in temporary files in one directory next to the bundle (same disk, so the free space the user checked for
 * the bundle is where the spool goes). Closing the store deletes the directory and everything in it.
 */
public final class SpoolStore implements AutoCloseable {

    /** The default memory budget shared by every spooled entry. */
    public static final long DEFAULT_MEMORY_BUDGET = 32L * 1024 * 1024;

    private final Path directory;
    private final AtomicLong memoryLeft;
    private final AtomicLong fileCounter = new AtomicLong();
    private Boolean spillsCheaply;

    private SpoolStore(Path directory, long memoryBudget) {
        this.directory = directory;
        this.memoryLeft = new AtomicLong(memoryBudget);
    }

    /** Creates a hidden spool directory in {@code parent}. */
    public static SpoolStore create(Path parent, String prefix, long memoryBudget) throws IOException {
        Path directory = Files.createTempDirectory(parent, "." + prefix + ".spool-");
        // Owner-only on POSIX already (the JDK's default for temporary folders); an ACL says so elsewhere.
        PrivateFiles.restrict(directory, true);
        return new SpoolStore(directory, memoryBudget);
    }

    public Path directory() {
        return directory;
    }

    /**
     * Whether data beyond the memory budget goes to disk cheaply, with direct I/O (see {@link DirectWriteChannel}):
     * then a collection may well be read ahead of its turn, as its spool file costs little CPU; through the page
     * cache it costs more than reading in parallel gains. Probed once with a small file.
     */
    public synchronized boolean spillsCheaply() {
        if (spillsCheaply == null) {
            Path probe = directory.resolve("probe.spool");
            try (SeekableByteChannel channel = DirectWriteChannel.create(probe)) {
                spillsCheaply = DirectWriteChannel.isDirect(channel);
            } catch (IOException e) {
                spillsCheaply = false;
            }
            try {
                Files.deleteIfExists(probe);
            } catch (IOException ignored) {
                // the directory is deleted at the end anyway
            }
        }
        return spillsCheaply;
    }

    /**
     * How much may wait in spool files on this disk while a bundle of {@code bundleBytes} is written next to them: half
     * of what the disk has free beyond the bundle itself, so that reading ahead never takes the space the bundle
     * needs, nor all the rest. 0 when the free space cannot be read or the bundle alone takes it.
     */
    public long spareDiskBytes(long bundleBytes) {
        try {
            long usable = Files.getFileStore(directory).getUsableSpace();
            return Math.max(0, (usable - Math.max(0, bundleBytes)) / 2);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Takes {@code bytes} from the memory budget; {@code false} when it is exhausted. */
    boolean reserve(long bytes) {
        while (true) {
            long left = memoryLeft.get();
            if (left < bytes) {
                return false;
            }
            if (memoryLeft.compareAndSet(left, left - bytes)) {
                return true;
            }
        }
    }

    /** Gives memory back to the budget. */
    void release(long bytes) {
        memoryLeft.addAndGet(bytes);
    }

    /** A fresh file name in the spool directory; the file is not created. */
    Path newFile() {
        return directory.resolve("entry-" + fileCounter.incrementAndGet() + ".spool");
    }

    @Override
    public void close() {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the temporary directory " + directory, e);
        }
    }
}
