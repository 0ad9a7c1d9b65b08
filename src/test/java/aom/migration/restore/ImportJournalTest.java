package aom.migration.restore;

import aom.migration.demo.EmbeddedServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One owner at a time: the journal's lease, take-over and fencing, against a real server. */
class ImportJournalTest {

    private EmbeddedServer server;
    private MongoClient client;
    private MongoDatabase metadata;

    @BeforeEach
    void start() {
        server = EmbeddedServer.inMemory();
        client = MongoClients.create(server.uri());
        metadata = client.getDatabase("apiomat");
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void aJournalWhoseJobEndedInThisProcessIsTakenOverWithItsContent() {
        ImportJournal first = acquire();
        first.start(List.of(), List.of("X"), SwapStrategy.RENAME, null, Map.of(), null);
        first.release();

        ImportJournal second = acquire();

        assertThat(second.takenOver()).isTrue();
        assertThat(second.importId()).isEqualTo(first.importId());
        assertThat(second.newDatabases()).containsExactly("X");
        assertThatThrownBy(first::confirm).isInstanceOf(OwnershipLostException.class)
                .hasMessageContaining("took its journal over");
    }

    @Test
    void aJournalWhoseJobRunsInThisProcessIsNotTakenOver() {
        ImportJournal first = acquire();

        assertThatThrownBy(this::acquire).isInstanceOf(TargetBusyException.class)
                .hasMessageContaining("is running in this program");
        first.confirm();
    }

    private ImportJournal acquire() {
        return ImportJournal.acquire(metadata, "ConferenceApp", UUID.randomUUID().toString(), Duration.ofMinutes(2),
                Instant.now());
    }
}
