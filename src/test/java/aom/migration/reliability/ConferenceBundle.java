package aom.migration.reliability;

import aom.migration.bundle.Passphrase;
import aom.migration.demo.DemoInstallation;
import aom.migration.demo.DemoScale;
import aom.migration.demo.EmbeddedServer;
import aom.migration.export.ExportJob;
import aom.migration.export.ExportOptions;
import aom.migration.model.ExtractionProfile;
import aom.migration.model.Selection;
import aom.migration.progress.CancellationToken;
import aom.migration.progress.ProgressListener;
import aom.migration.restore.TargetSnapshot;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * ConferenceApp (metadata and all three systems) exported once per JVM from the demo source at test scale, shared by
 * every reliability test that imports it, with the source's databases of the application kept as a byte-level
 * snapshot to compare targets with.
 */
final class ConferenceBundle {

    static final String APP = "ConferenceApp";
    static final List<String> DATABASES = List.of("ConferenceApp", "ConferenceApp-staging", "ConferenceApp-test");

    private static Path file;
    private static Path encrypted;
    /** The passphrase of {@link #encryptedFile()}. */
    static final String PASSPHRASE = "correct horse battery staple";
    private static Map<String, Map<String, List<String>>> sourceDatabases;

    private ConferenceBundle() {
    }

    /** The bundle file; do not change it (copy it to damage it). */
    static synchronized Path file() {
        if (file == null) {
            try (EmbeddedServer server = EmbeddedServer.inMemory();
                 MongoClient client = MongoClients.create(server.uri())) {
                DemoInstallation.writeSource(client, DemoScale.TESTS);
                Path out = Files.createDirectories(CaseLog.DIRECTORY).resolve("conference.aombundle");
                file = new ExportJob(server.settings(), APP, Selection.everything(), out, ExtractionProfile.defaults(),
                        ExportOptions.defaults().withOverwrite(true)).run(ProgressListener.NONE,
                        CancellationToken.none()).bundle();
                sourceDatabases = databases(client);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return file;
    }

    /** The same export encrypted with {@link #PASSPHRASE}; do not change it either. */
    static synchronized Path encryptedFile() {
        if (encrypted == null) {
            try (EmbeddedServer server = EmbeddedServer.inMemory();
                 MongoClient client = MongoClients.create(server.uri());
                 Passphrase passphrase = Passphrase.of(PASSPHRASE)) {
                DemoInstallation.writeSource(client, DemoScale.TESTS);
                Path out = Files.createDirectories(CaseLog.DIRECTORY).resolve("conference-encrypted.aombundle");
                encrypted = new ExportJob(server.settings(), APP, Selection.everything(), out,
                        ExtractionProfile.defaults(), ExportOptions.defaults().withOverwrite(true)
                        .withPassphrase(passphrase)).run(ProgressListener.NONE, CancellationToken.none()).bundle();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return encrypted;
    }

    /** ConferenceApp's three databases in the source, byte for byte. */
    static synchronized Map<String, Map<String, List<String>>> sourceDatabases() {
        file();
        return sourceDatabases;
    }

    /** ConferenceApp's three databases in {@code client}'s installation, byte for byte. */
    static Map<String, Map<String, List<String>>> databases(MongoClient client) {
        Map<String, Map<String, List<String>>> databases = new TreeMap<>();
        for (String name : DATABASES) {
            databases.put(name, TargetSnapshot.of(client.getDatabase(name)));
        }
        return databases;
    }
}
