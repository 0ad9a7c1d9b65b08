package aom.migration.reliability;

import aom.migration.mongo.ConnectionSettings;
import org.bson.BsonBinaryWriter;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy between the driver and a MongoDB-wire server that reads every request on its way to the server, so
 * that a test can act at one exact command: answer it with an error the real mongod would give (authentication
 * failed, not authorised), drop every connection before the server sees it or after the server applied it, or
 * kill the server first. Replies pass through untouched.
 */
final class WireProxy implements AutoCloseable {

    private static final int OP_REPLY = 1;
    private static final int OP_QUERY = 2004;
    private static final int OP_MSG = 2013;

    /** One request from the driver, as far as a rule needs it. */
    record Command(int opCode, int requestId, String name, String database, BsonDocument body) {

        /** The value of the command's first field when it is a string: the collection of insert, find, create... */
        String collection() {
            return body.isString(name) ? body.getString(name).getValue() : "";
        }

        @Override
        public String toString() {
            return name + " " + database + "." + collection();
        }
    }

    /** What to do with a request. */
    record Action(Kind kind, BsonDocument reply, java.util.function.Consumer<Command> first) {
        enum Kind { FORWARD, ANSWER, CUT_BEFORE, CUT_AFTER_APPLIED }

        static final Action FORWARD = new Action(Kind.FORWARD, null, null);

        /** Answers the request with {@code reply} instead of the server. */
        static Action answer(BsonDocument reply) {
            return new Action(Kind.ANSWER, reply, null);
        }

        /** Runs {@code first} (e.g. kill the server), then drops every connection; the server never sees it. */
        static Action cutBefore(java.util.function.Consumer<Command> first) {
            return new Action(Kind.CUT_BEFORE, null, first);
        }

        /** Lets the server apply the request, then drops every connection before the driver gets the reply. */
        static Action cutAfterApplied() {
            return new Action(Kind.CUT_AFTER_APPLIED, null, null);
        }
    }

    /** Decides about each request; called on the connection's thread. */
    @FunctionalInterface
    interface Rule {
        Action on(Command command);

        /** Runs {@code effect} at the {@code nth} request that matches {@code matches}, once, and forwards it. */
        static Rule atNth(java.util.function.Predicate<Command> matches, int nth,
                          java.util.function.Consumer<Command> effect) {
            AtomicInteger seen = new AtomicInteger();
            return command -> {
                if (matches.test(command) && seen.incrementAndGet() == nth) {
                    effect.accept(command);
                }
                return Action.FORWARD;
            };
        }

        /** Takes {@code action} at the {@code nth} request that matches {@code matches}, once. */
        static Rule nth(java.util.function.Predicate<Command> matches, int nth, Action action) {
            AtomicInteger seen = new AtomicInteger();
            return command -> matches.test(command) && seen.incrementAndGet() == nth ? action : Action.FORWARD;
        }
    }

    private final int upstreamPort;
    private final ServerSocket listener;
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger requestIds = new AtomicInteger(1_000_000);
    private volatile boolean refuseConnections;
    /** While a cut is being prepared (e.g. the server is being killed), no other request gets through. */
    private volatile boolean holding;
    private volatile boolean closed;

    WireProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "wire-proxy-accept-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The proxy's connection string, with {@code userInfo} ("user:password@") and {@code options} if not empty. */
    String uri(String userInfo, String options) {
        return "mongodb://" + userInfo + "127.0.0.1:" + port() + "/" + (options.isEmpty() ? "" : "?" + options);
    }

    /** Settings for the proxy with a short server-selection timeout, so that a job notices a cut quickly. */
    ConnectionSettings settings() {
        return ConnectionSettings.fromUri(uri("", "serverSelectionTimeoutMS=2000"));
    }

    void addRule(Rule rule) {
        rules.add(rule);
    }

    /** While set, new connections are closed at once, as if the network were gone. */
    void refuseConnections(boolean refuse) {
        this.refuseConnections = refuse;
    }

    /** Drops every open connection, both sides. */
    void cutAll() {
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        sockets.clear();
        holding = false;
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        cutAll();
    }

    /** The reply a real mongod gives for a failed command. */
    static BsonDocument error(int code, String codeName, String message) {
        return new BsonDocument("ok", new BsonInt32(0)).append("errmsg", new BsonString(message))
                .append("code", new BsonInt32(code)).append("codeName", new BsonString(codeName));
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            if (refuseConnections) {
                closeQuietly(client);
                continue;
            }
            try {
                Socket server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                sockets.add(client);
                sockets.add(server);
                Connection connection = new Connection(client, server);
                start("wire-proxy-requests", connection::requests);
                start("wire-proxy-replies", connection::replies);
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private static void start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** One driver connection and its connection to the server. */
    private final class Connection {
        private final Socket client;
        private final Socket server;
        private volatile int swallowReplyTo = Integer.MIN_VALUE;

        Connection(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void requests() {
            try (InputStream in = client.getInputStream(); OutputStream out = server.getOutputStream()) {
                byte[] message;
                while ((message = readMessage(in)) != null) {
                    Command command = parse(message);
                    Action action = command == null ? Action.FORWARD : decide(command);
                    if (action.kind() == Action.Kind.CUT_BEFORE) {
                        holding = true;
                    } else if (!waitWhileHolding()) {
                        return;
                    }
                    switch (action.kind()) {
                        case FORWARD -> out.write(message);
                        case ANSWER -> writeToClient(reply(command, action.reply()));
                        case CUT_BEFORE -> {
                            if (action.first() != null) {
                                action.first().accept(command);
                            }
                            cutAll();
                            return;
                        }
                        case CUT_AFTER_APPLIED -> {
                            swallowReplyTo = command.requestId();
                            out.write(message);
                        }
                    }
                    out.flush();
                }
            } catch (IOException e) {
                // One side went away: the other follows.
            } finally {
                closeQuietly(client);
                closeQuietly(server);
            }
        }

        void replies() {
            try (InputStream in = server.getInputStream()) {
                byte[] message;
                while ((message = readMessage(in)) != null) {
                    int responseTo = ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN).getInt(8);
                    if (responseTo == swallowReplyTo) {
                        cutAll();
                        return;
                    }
                    writeToClient(message);
                }
            } catch (IOException e) {
                // One side went away: the other follows.
            } finally {
                closeQuietly(client);
                closeQuietly(server);
            }
        }

        /** Waits while another connection prepares a cut; false when this connection was cut meanwhile. */
        private boolean waitWhileHolding() {
            while (holding) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return !client.isClosed();
        }

        private synchronized void writeToClient(byte[] message) throws IOException {
            OutputStream out = client.getOutputStream();
            out.write(message);
            out.flush();
        }
    }

    private Action decide(Command command) {
        for (Rule rule : rules) {
            Action action = rule.on(command);
            if (action != null && action.kind() != Action.Kind.FORWARD) {
                return action;
            }
        }
        return Action.FORWARD;
    }

    private static byte[] readMessage(InputStream in) throws IOException {
        byte[] header = new byte[4];
        int n = in.readNBytes(header, 0, 4);
        if (n < 4) {
            return null;
        }
        int length = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getInt();
        byte[] message = new byte[length];
        System.arraycopy(header, 0, message, 0, 4);
        new DataInputStream(in).readFully(message, 4, length - 4);
        return message;
    }

    /** The command of an OP_MSG or OP_QUERY request, or {@code null} for anything else. */
    private static Command parse(byte[] message) {
        ByteBuffer buffer = ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN);
        int requestId = buffer.getInt(4);
        int opCode = buffer.getInt(12);
        if (opCode == OP_MSG) {
            int position = 20;
            while (position < message.length) {
                byte kind = message[position++];
                int size = buffer.getInt(position);
                if (kind == 0) {
                    RawBsonDocument body = new RawBsonDocument(message, position, size);
                    String name = body.getFirstKey();
                    String database = body.isString("$db") ? body.getString("$db").getValue() : "";
                    return new Command(opCode, requestId, name, database, body);
                }
                position += size;
            }
            return null;
        }
        if (opCode == OP_QUERY) {
            int position = 20;
            int end = position;
            while (message[end] != 0) {
                end++;
            }
            String namespace = new String(message, position, end - position, StandardCharsets.UTF_8);
            position = end + 1 + 8;
            RawBsonDocument query = new RawBsonDocument(message, position, buffer.getInt(position));
            String database = namespace.endsWith(".$cmd") ? namespace.substring(0, namespace.length() - 5) : namespace;
            return new Command(opCode, requestId, query.getFirstKey(), database, query);
        }
        return null;
    }

    private byte[] reply(Command request, BsonDocument document) {
        byte[] body = encode(document);
        boolean legacy = request.opCode() == OP_QUERY;
        int length = 16 + (legacy ? 20 : 5) + body.length;
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(length).putInt(requestIds.incrementAndGet()).putInt(request.requestId())
                .putInt(legacy ? OP_REPLY : OP_MSG);
        if (legacy) {
            buffer.putInt(0).putLong(0).putInt(0).putInt(1);
        } else {
            buffer.putInt(0).put((byte) 0);
        }
        buffer.put(body);
        return buffer.array();
    }

    private static byte[] encode(BsonDocument document) {
        BasicOutputBuffer out = new BasicOutputBuffer();
        try (BsonBinaryWriter writer = new BsonBinaryWriter(out)) {
            new BsonDocumentCodec().encode(writer, document, EncoderContext.builder().build());
        }
        return out.toByteArray();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing is best effort: the test wants the connection gone, however it goes.
        }
    }
}
