package aom.migration.ui.pages.connections;

import aom.migration.model.AppRef;
import aom.migration.mongo.ConnectionSettings;
import aom.migration.mongo.Installation;

import java.util.List;

/**
 * What "Test connection" found: the server (version and topology) and the ApiOmat applications on it.
 *
 * @param server       {@code MongoDB 6.0.1, replica set rs0}
 * @param applications the names of the applications found, sorted
 */
public record ConnectionCheck(String server, List<String> applications) {

    public ConnectionCheck {
        applications = List.copyOf(applications);
    }

    /** Connects, asks, disconnects. Database work: call it from a background task. */
    public static ConnectionCheck run(ConnectionSettings settings) {
        try (Installation installation = Installation.connect(settings)) {
            return new ConnectionCheck(installation.serverInfo().describe(),
                    installation.applications().stream().map(AppRef::name).toList());
        }
    }
}
