package aom.migration.mongo;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import io.netty.channel.Channel;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * mongo-java-server's in-memory backend with the one part of a real mongod's logical sessions that a reader must
 * get right: the server says it has sessions ({@code logicalSessionTimeoutMinutes} in its hello), remembers in
 * which session each cursor was opened, and refuses a {@code getMore} or {@code killCursors} from another session,
 * or from none, as mongod 3.6 and later do. Without it, the embedded server ignores sessions, the driver sends none,
 * and a reader that sends its {@code getMore} outside the cursor's session would pass every test and fail on the
 * first real installation.
 */
final class SessionCheckingBackend extends MemoryBackend {

    /** Each open cursor's session ({@link #NONE} for a cursor opened outside one). */
    private final Map<Long, Object> cursorSessions = new ConcurrentHashMap<>();
    private static final Object NONE = new Object();

    /** Commands that came with a session id. */
    final AtomicInteger commandsInASession = new AtomicInteger();
    /** {@code getMore} and {@code killCursors} commands that came in their cursor's session. */
    final AtomicInteger cursorCommandsChecked = new AtomicInteger();

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Object session = query.get("lsid");
        if (session != null) {
            commandsInASession.incrementAndGet();
        }
        if (command.equalsIgnoreCase("getMore")) {
            long cursor = ((Number) query.get("getMore")).longValue();
            checkSession(cursor, session, "run getMore on");
        } else if (command.equalsIgnoreCase("killCursors")) {
            for (Object cursor : (List<?>) query.get("cursors")) {
                checkSession(((Number) cursor).longValue(), session, "kill");
            }
        }
        Document response = super.handleCommand(channel, databaseName, command, query);
        if (command.equalsIgnoreCase("ismaster") || command.equalsIgnoreCase("hello")) {
            response.put("logicalSessionTimeoutMinutes", 30);
        }
        cursorOf(response).ifPresent(cursor -> {
            if (cursor == 0) {
                cursorSessions.remove(((Number) Objects.requireNonNullElse(query.get("getMore"), -1L)).longValue());
            } else {
                cursorSessions.putIfAbsent(cursor, session == null ? NONE : session);
            }
        });
        if (command.equalsIgnoreCase("killCursors")) {
            for (Object cursor : (List<?>) query.get("cursors")) {
                cursorSessions.remove(((Number) cursor).longValue());
            }
        }
        return response;
    }

    private void checkSession(long cursor, Object session, String what) {
        Object opened = cursorSessions.get(cursor);
        if (opened == null) {
            return; // unknown cursors are the backend's own business (CursorNotFound)
        }
        if (opened == NONE && session != null) {
            throw new MongoServerError(50736, "Cannot " + what + " cursor " + cursor
                    + ", which was not created in a session, in session " + session);
        }
        if (opened != NONE && !opened.equals(session)) {
            throw new MongoServerError(50738, "Cannot " + what + " cursor " + cursor + ", which was created in session "
                    + opened + ", " + (session == null ? "without an lsid" : "in session " + session));
        }
        cursorCommandsChecked.incrementAndGet();
    }

    private static Optional<Long> cursorOf(Document response) {
        if (response != null && response.get("cursor") instanceof Document cursor
                && cursor.get("id") instanceof Number id) {
            return Optional.of(id.longValue());
        }
        return Optional.empty();
    }
}
