package aom.migration.session;

import aom.migration.data.CorruptDataException;
import aom.migration.demo.DemoInstallation;
import aom.migration.demo.DemoScale;
import aom.migration.demo.EmbeddedServer;
import aom.migration.export.ExportJob;
import aom.migration.export.ExportOptions;
import aom.migration.model.Selection;
import aom.migration.mongo.ConnectionFailedException;
import aom.migration.mongo.ConnectionSettings;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.ProgressListener;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenedForImportTest {

    @TempDir
    Path dir;

    private static ConnectionSettings nobodyListens() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        return ConnectionSettings.of("127.0.0.1", closedPort).withServerSelectionTimeout(Duration.ofSeconds(2));
    }

    @Test
    void aDamagedBundleIsReportedEvenWhenTheTargetCannotBeReachedEither() throws IOException {
        Path notABundle = dir.resolve("ConferenceApp.aombundle");
        Files.writeString(notABundle, "this is not a zip file");

        assertThatThrownBy(() -> OpenedForImport.open(notABundle, nobodyListens()))
                .isInstanceOf(CorruptDataException.class);
    }

    /** The demo's ConferenceApp exported from {@code source} into a bundle. */
    private Path demoBundle(EmbeddedServer source) throws IOException {
        Path bundle = dir.resolve("ConferenceApp.aombundle");
        try (MongoClient client = MongoClients.create(source.uri())) {
            DemoInstallation.writeSource(client, DemoScale.TESTS);
        }
        new ExportJob(ConnectionSettings.fromUri(source.uri()), "ConferenceApp", Selection.everything(), bundle,
                null, ExportOptions.defaults()).run(ProgressListener.NONE, CancellationToken.none());
        return bundle;
    }

    @Test
    void anUnreachableTargetIsReportedWithAGoodBundleAndTheBundleCanBeDeletedAfterwards() throws IOException {
        Path bundle;
        try (EmbeddedServer source = EmbeddedServer.inMemory()) {
            bundle = demoBundle(source);
        }
        ConnectionSettings target = nobodyListens();

        assertThatThrownBy(() -> OpenedForImport.open(bundle, target))
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageStartingWith("Connection refused by 127.0.0.1:");
        Files.delete(bundle);
        assertThat(bundle).doesNotExist();
    }

    @Test
    void bothAreOpenWhenBothAreGood() throws IOException {
        try (EmbeddedServer source = EmbeddedServer.inMemory()) {
            Path bundle = demoBundle(source);
            try (OpenedForImport opened = OpenedForImport.open(bundle, ConnectionSettings.fromUri(source.uri()))) {
                assertThat(opened.bundle().manifest().application().name()).isEqualTo("ConferenceApp");
                assertThat(opened.target().applications()).extracting(app -> app.name()).contains("ConferenceApp");
            }
        }
    }
}
