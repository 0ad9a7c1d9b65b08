package aom.migration.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** A loopback port nothing listens on: taken from the system and released again. */
public final class ClosedPort {

    private ClosedPort() {
    }

    public static int find() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A connection string to that port that gives up after one second. */
    public static String uri() {
        return "mongodb://127.0.0.1:" + find() + "/?serverSelectionTimeoutMS=1000";
    }
}
