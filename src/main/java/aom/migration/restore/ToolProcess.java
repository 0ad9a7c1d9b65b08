package aom.migration.restore;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A process of this tool as an import's journal records it, so that another process can judge whether the import
 * may still be running: on the same machine (the same running system, told by Linux's boot id) by looking at the
 * process itself, elsewhere only by the lease.
 *
 * <p>The machine is the boot id where the system has one: a second computer with the same host name (cloned virtual
 * machines, containers) must never be taken for this one, because a process missing here says nothing about a
 * process there. Without a boot id the host name stands in, and the process check is not trusted (the lease
 * decides). The system property {@code aom.machine} replaces the machine, so that tests can play a second computer.
 *
 * @param host      the host name, for people
 * @param machine   the running system's identity
 * @param pid       the process id
 * @param startedAt when the process started, so that a reused pid is not taken for it; {@code null} if unknown
 */
record ToolProcess(String host, String machine, long pid, Instant startedAt) {

    private static final Path BOOT_ID = Path.of("/proc/sys/kernel/random/boot_id");
    private static final String HOST_ONLY = "host:";

    /** This process. */
    static ToolProcess current() {
        ProcessHandle self = ProcessHandle.current();
        return new ToolProcess(hostName(), thisMachine(), self.pid(), self.info().startInstant().orElse(null));
    }

    /** Whether {@code other} ran on this very system, so that its process can be looked at. */
    boolean sameMachine(ToolProcess other) {
        return machine.equals(other.machine) && !machine.startsWith(HOST_ONLY);
    }

    /** The process, if it still exists (and is not another one that got the same pid). */
    Optional<ProcessHandle> find() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(handle -> startedAt == null
                || handle.info().startInstant().map(start -> Math.abs(start.toEpochMilli() - startedAt.toEpochMilli())
                < 1000).orElse(true));
    }

    /** Whether the process is stopped (Ctrl+Z, SIGSTOP), where the system tells. */
    boolean stopped() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            // "pid (name) S ...": the state follows the last ')', since the name may hold anything.
            String after = stat.substring(stat.lastIndexOf(')') + 1).strip();
            return after.startsWith("T") || after.startsWith("t");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String thisMachine() {
        String override = System.getProperty("aom.machine");
        if (override != null && !override.isBlank()) {
            return override;
        }
        try {
            String boot = Files.readString(BOOT_ID, StandardCharsets.US_ASCII).strip();
            if (!boot.isEmpty()) {
                return "boot:" + boot;
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: the host name stands in (see the class comment).
        }
        return HOST_ONLY + hostName();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }
}
