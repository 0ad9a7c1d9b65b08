package aom.migration.restore;

import aom.migration.demo.DemoInstallation;
import aom.migration.demo.DemoScale;
import aom.migration.demo.EmbeddedServer;
import aom.migration.mongo.Installation;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One demo source for the whole class (its ConferenceApp turned into an import request once) and a fresh demo
 * target for every test.
 */
abstract class ImportTestSupport {

    /** Stands for the process dying: the job does not clean up after an Error. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash(ImportJob.Checkpoint.Point point) {
            super("simulated crash at " + point);
        }
    }

    static EmbeddedServer sourceServer;
    static MongoClient source;
    static ImportRequest request;

    EmbeddedServer targetServer;
    Installation target;

    @BeforeAll
    static void startSource() {
        sourceServer = EmbeddedServer.inMemory();
        source = MongoClients.create(sourceServer.uri());
        DemoInstallation.writeSource(source, DemoScale.TESTS);
        request = DemoImport.conferenceRequest(source);
    }

    @AfterAll
    static void stopSource() {
        source.close();
        sourceServer.close();
    }

    @BeforeEach
    void startTarget() {
        targetServer = EmbeddedServer.inMemory();
        try (MongoClient client = MongoClients.create(targetServer.uri())) {
            writeTarget(client);
        }
        target = Installation.connect(targetServer.settings());
    }

    /** Fills the fresh target; the demo target unless a test class wants another. */
    void writeTarget(MongoClient client) {
        DemoInstallation.writeTarget(client, DemoScale.TESTS);
    }

    @AfterEach
    void stopTarget() {
        target.close();
        targetServer.close();
    }

    ImportJob job(ImportRequest importRequest, ImportOptions options, ImportJob.Checkpoint checkpoint) {
        return new ImportJob(target.client(), target.serverInfo(), target.settings().hostsOnly(), importRequest,
                options, checkpoint);
    }

    ImportJob job(ImportOptions options) {
        return job(request, options, ImportJob.Checkpoint.NONE);
    }

    MongoDatabase apiomat() {
        return target.client().getDatabase("apiomat");
    }

    Map<String, Map<String, List<String>>> snapshot() {
        return TargetSnapshot.of(target.client());
    }

    Document one(String collection, Document filter) {
        return apiomat().getCollection(collection).find(filter).first();
    }

    Document module(MongoDatabase database, String name, String version) {
        return database.getCollection("modules").find(new Document("name", name).append("version", version))
                .first();
    }

    /** Every collection name in every database of the target that an import made (staging, set aside, journal). */
    List<String> importLeftovers() {
        List<String> found = new ArrayList<>();
        for (String database : target.client().listDatabaseNames()) {
            for (String name : target.client().getDatabase(database).listCollectionNames()) {
                if (name.contains("__aom")) {
                    found.add(database + "." + name);
                }
            }
        }
        return found;
    }
}
