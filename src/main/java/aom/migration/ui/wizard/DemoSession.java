package aom.migration.ui.wizard;

import aom.migration.demo.DemoServers;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The demo servers started from the Start page: at most one pair per wizard session, kept when the window is rebuilt
 * in another language, and stopped when the wizard exits.
 */
public final class DemoSession implements AutoCloseable {

    private final ReadOnlyObjectWrapper<DemoServers> servers = new ReadOnlyObjectWrapper<>();

    /** The running demo servers, or {@code null}. */
    public ReadOnlyObjectProperty<DemoServers> serversProperty() {
        return servers.getReadOnlyProperty();
    }

    /** Keeps {@code started} until the wizard exits; the same servers may be used again, other ones not. */
    void use(DemoServers started) {
        DemoServers previous = servers.get();
        if (previous != null && previous != started) {
            throw new IllegalStateException("The demo servers are running already");
        }
        servers.set(started);
    }

    /** Moves the servers to {@code next}, which stops them from now on; this session no longer does. */
    void handOverTo(DemoSession next) {
        next.servers.set(servers.get());
        servers.set(null);
    }

    /** Stops the servers, if any. */
    @Override
    public void close() {
        DemoServers running = servers.get();
        servers.set(null);
        if (running != null) {
            running.close();
        }
    }
}
