package aom.migration.mongo;

import com.mongodb.client.MongoClient;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

/** What a support engineer wants to know about a server before moving data to or from it. */
public record ServerInfo(String version, Topology topology, String replicaSetName, int maxWireVersion) {

    /** Asks the server ({@code buildInfo}, {@code hello}). */
    public static ServerInfo query(MongoClient client) {
        Document admin = client.getDatabase("admin").runCommand(new Document("buildInfo", 1));
        Document hello = client.getDatabase("admin").runCommand(new Document("isMaster", 1));
        String version = admin.get("version", "unknown");
        String setName = hello.getString("setName");
        Topology topology;
        if ("isdbgrid".equals(hello.getString("msg"))) {
            topology = Topology.SHARDED;
        } else if (setName != null) {
            topology = Topology.REPLICA_SET;
        } else {
            topology = Topology.STANDALONE;
        }
        Number wire = hello.get("maxWireVersion", Number.class);
        return new ServerInfo(version, topology, setName, wire == null ? 0 : wire.intValue());
    }

    /** Whether this server's version is older than {@code other}'s (major.minor.patch compared numerically). */
    public boolean isOlderThan(ServerInfo other) {
        List<Integer> mine = numbers(version);
        List<Integer> theirs = numbers(other.version);
        for (int i = 0; i < Math.max(mine.size(), theirs.size()); i++) {
            int a = i < mine.size() ? mine.get(i) : 0;
            int b = i < theirs.size() ? theirs.get(i) : 0;
            if (a != b) {
                return a < b;
            }
        }
        return false;
    }

    /** One line such as {@code MongoDB 6.0.1, replica set rs0}. */
    public String describe() {
        return "MongoDB " + version + ", " + topology.label() + (replicaSetName == null ? "" : " " + replicaSetName);
    }

    private static List<Integer> numbers(String version) {
        List<Integer> result = new ArrayList<>();
        for (String part : version.split("[.-]")) {
            try {
                result.add(Integer.parseInt(part));
            } catch (NumberFormatException e) {
                break;
            }
        }
        return result;
    }
}
