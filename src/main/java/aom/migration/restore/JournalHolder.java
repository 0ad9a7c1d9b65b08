package aom.migration.restore;

import aom.migration.model.SystemKind;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A journal as another import sees it: who holds it, and whether that one may still be running. */
final class JournalHolder {

    /** What {@link #judge} found. */
    record Verdict(boolean running, String busyMessage) {
    }

    private final BsonDocument document;
    private final String application;

    JournalHolder(BsonDocument document, String application) {
        this.document = document;
        this.application = application;
    }

    ImportJournal.State state() {
        return ImportJournal.State.valueOf(document.getString("state").getValue());
    }

    Instant startedAt() {
        return Instant.ofEpochMilli(document.getDateTime("startedAt").getValue());
    }

    Instant heartbeatAt() {
        return Instant.ofEpochMilli(document.getDateTime("heartbeatAt").getValue());
    }

    Duration lease() {
        return Duration.ofMillis(document.getInt64("leaseMillis", new BsonInt64(0)).getValue());
    }

    String owner() {
        return document.getString("owner", new BsonString("")).getValue();
    }

    ToolProcess process() {
        BsonValue start = document.get("pidStartedAt");
        String host = document.getString("host", new BsonString("unknown-host")).getValue();
        return new ToolProcess(host, document.getString("machine", new BsonString("host:" + host)).getValue(),
                document.getInt64("pid", new BsonInt64(-1)).getValue(),
                start != null && start.isDateTime() ? Instant.ofEpochMilli(start.asDateTime().getValue()) : null);
    }

    List<JournalEntry> entries() {
        List<JournalEntry> list = new ArrayList<>();
        boolean swapping = state() == ImportJournal.State.SWAPPING;
        document.getArray("entries", new BsonArray()).forEach(e -> list.add(JournalEntry.fromBson(e.asDocument(),
                swapping)));
        return list;
    }

    Map<SystemKind, String> systemHosts() {
        Map<SystemKind, String> hosts = new EnumMap<>(SystemKind.class);
        document.getDocument("systemHosts", new BsonDocument()).forEach((system, where) ->
                hosts.put(SystemKind.valueOf(system), where.asString().getValue()));
        return hosts;
    }

    boolean metadataSaved() {
        return document.getBoolean("metadataSaved", BsonBoolean.FALSE).getValue();
    }

    String rollbackFile() {
        BsonValue file = document.get("rollbackFile");
        return file == null || file.isNull() ? null : file.asString().getValue();
    }

    List<String> unproven() {
        return ImportJournal.strings(document.getArray("unproven", new BsonArray()));
    }

    /** The fingerprint of what the import brought, or {@code null}. */
    String bundle() {
        return document.isString("bundle") ? document.getString("bundle").getValue() : null;
    }

    /**
     * Whether the holder may still be running: in this process while its job has not ended; on this machine
     * while its process exists (stopped or not); elsewhere while its lease has not run out by the server's clock
     * ({@code serverNow}; {@code null} when the server does not tell its time, then it counts as running).
     */
    Verdict judge(Instant serverNow) {
        ToolProcess holder = process();
        ToolProcess me = ToolProcess.current();
        String owner = owner();
        if (!owner.isEmpty() && ImportJournal.runsHere(owner)) {
            return new Verdict(true, busy("in this program"));
        }
        if (me.sameMachine(holder)) {
            if (holder.pid() == me.pid()) {
                return new Verdict(false, null);
            }
            Optional<ProcessHandle> process = holder.find();
            if (process.isPresent()) {
                return new Verdict(true, busy("in process " + holder.pid() + " on this computer"
                        + (holder.stopped() ? ", which is suspended: resume it (fg, or kill -CONT "
                        + holder.pid() + ") to let it finish, or end it (kill " + holder.pid() + ") and run"
                        + " this import again to restore the target" : "")));
            }
            return new Verdict(false, null);
        }
        if (serverNow == null) {
            return new Verdict(true, busy("on " + holder.host() + " (the target server does not tell its time,"
                    + " so the tool cannot tell whether that import's lease has run out)"));
        }
        Instant expires = heartbeatAt().plus(lease());
        if (serverNow.isBefore(expires)) {
            long ago = Math.max(0, Duration.between(heartbeatAt(), serverNow).toSeconds());
            long left = Math.max(1, Duration.between(serverNow, expires).toSeconds());
            return new Verdict(true, busy("on " + holder.host() + " (process " + holder.pid() + "; last sign of"
                    + " life " + ago + " s ago by the target's clock; if it has stopped, it counts as ended in "
                    + left + " s)"));
        }
        return new Verdict(false, null);
    }

    private String busy(String where) {
        return "Another import of " + application + " into this target, started " + startedAt() + ", is running "
                + where + ". This import did not start and changed nothing.";
    }

    /** Where the holder runs, for people. */
    String where() {
        ToolProcess holder = process();
        return ToolProcess.current().sameMachine(holder) ? "process " + holder.pid() + " on this computer"
                : "process " + holder.pid() + " on " + holder.host();
    }

    /** One line for plans and messages. */
    String describe() {
        return "an import of " + application + " started " + startedAt() + " on " + process().host()
                + " stopped while " + switch (state()) {
                    case PREPARING -> "putting right an earlier import (its own data not loaded yet)";
                    case LOADING -> "loading the data (nothing live had changed yet)";
                    case MERGING -> "merging the metadata";
                    case SWAPPING -> "swapping collections";
                    case COMMITTED -> "cleaning up after a complete, verified import";
                };
    }
}
