package aom.migration.mongo;

import aom.migration.model.AppRef;
import aom.migration.model.SystemDatabase;
import aom.migration.model.SystemKind;
import aom.migration.model.WorkingNames;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * A connected ApiOmat installation: the client, what server it is, its databases and its applications.
 * {@link #connect} fails fast with a {@link ConnectionFailedException} whose message a support engineer can read.
 */
public final class Installation implements AutoCloseable {

    /** The global database holding every application's metadata. */
    public static final String METADATA_DATABASE = "apiomat";
    /** MongoDB's error code for a command the user may not run. */
    private static final int UNAUTHORIZED = 13;

    private static final Logger LOG = LoggerFactory.getLogger(Installation.class);

    private final ConnectionSettings settings;
    private final MongoClient client;
    private final ServerInfo serverInfo;

    private Installation(ConnectionSettings settings, MongoClient client, ServerInfo serverInfo) {
        this.settings = settings;
        this.client = client;
        this.serverInfo = serverInfo;
    }

    /**
     * Connects and checks the connection with a ping and the server's build info.
     *
     * @throws InvalidConnectionException when the settings are invalid
     * @throws ConnectionFailedException  when the server cannot be reached or refuses the credentials
     */
    public static Installation connect(ConnectionSettings settings) {
        MongoClient client = MongoClientFactory.create(settings);
        try {
            client.getDatabase(settings.effectiveAuthDatabase()).runCommand(new Document("ping", 1));
            ServerInfo info = ServerInfo.query(client);
            LOG.info("Connected to {} ({})", settings.redactedUri(), info.describe());
            return new Installation(settings, client, info);
        } catch (MongoException | IllegalStateException e) {
            client.close();
            ConnectionFailedException failure = ConnectionErrors.wrap(e, settings);
            // The caller reports the failure; at WARN the command line's console would show it twice.
            LOG.info("Connection to {} failed: {}", settings.hostsOnly(), failure.getMessage());
            throw failure;
        }
    }

    public ConnectionSettings settings() {
        return settings;
    }

    public MongoClient client() {
        return client;
    }

    public ServerInfo serverInfo() {
        return serverInfo;
    }

    public MongoDatabase database(String name) {
        return client.getDatabase(name);
    }

    public MongoDatabase metadataDatabase() {
        return client.getDatabase(METADATA_DATABASE);
    }

    /**
     * Whether the installation has an {@code apiomat} database with anything in it. Collections rather than the
     * database's name: mongo-java-server lists a database that was only read from.
     */
    public boolean hasMetadata() {
        try {
            return metadataDatabase().listCollectionNames().first() != null;
        } catch (MongoCommandException e) {
            if (e.getErrorCode() == UNAUTHORIZED) {
                // A user allowed to read the metadata's collections but not to list them: let the reads tell.
                return true;
            }
            throw ConnectionErrors.wrap(e, settings);
        } catch (MongoException e) {
            throw ConnectionErrors.wrap(e, settings);
        }
    }

    /** Names of all databases on the installation. */
    public List<String> databaseNames() {
        try {
            return client.listDatabaseNames().into(new ArrayList<>());
        } catch (MongoException e) {
            throw ConnectionErrors.wrap(e, settings);
        }
    }

    /** {@code database} as {@code system}'s database, with its size as the server reports it ({@code dbStats}). */
    public SystemDatabase systemDatabase(SystemKind system, String database) {
        try {
            return systemDatabase(client, system, database);
        } catch (MongoException e) {
            throw ConnectionErrors.wrap(e, settings);
        }
    }

    /** {@code database} on {@code client} as {@code system}'s database, with its size ({@code dbStats}). */
    static SystemDatabase systemDatabase(MongoClient client, SystemKind system, String database) {
        MongoDatabase db = client.getDatabase(database);
        Document stats = db.runCommand(new Document("dbStats", 1));
        long documents = number(stats.get("objects"));
        long bytes = number(stats.get("dataSize"));
        long collections = number(stats.get("collections"));
        // Working collections of an import in flight (or of an interrupted one) are not the application's data.
        for (String name : db.listCollectionNames()) {
            if (WorkingNames.isWorking(name)) {
                Document working = db.runCommand(new Document("collStats", name));
                documents -= number(working.get("count"));
                bytes -= number(working.get("size"));
                collections--;
            }
        }
        return new SystemDatabase(system, database, Math.max(0, documents), Math.max(0, bytes),
                (int) Math.max(0, collections));
    }

    /** The applications found in the metadata database, sorted by name. */
    public List<AppRef> applications() {
        return new ApplicationCatalog(this).applications();
    }

    /**
     * The application called {@code name}.
     *
     * @throws UnknownApplicationException naming the applications that exist
     */
    public AppRef application(String name) {
        return new ApplicationCatalog(this).application(name);
    }

    @Override
    public void close() {
        client.close();
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
