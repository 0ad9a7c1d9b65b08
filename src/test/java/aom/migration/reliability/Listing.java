package aom.migration.reliability;

import aom.migration.model.WorkingNames;
import com.mongodb.client.MongoClient;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A quick inventory of a server (every collection with its document count, and the import journal's state), taken
 * right before a kill and right after the restart to see what the server's file kept.
 */
record Listing(Map<String, Long> counts, String journal) {

    static Listing of(MongoClient client) {
        Map<String, Long> counts = new TreeMap<>();
        for (String database : client.listDatabaseNames()) {
            for (String collection : client.getDatabase(database).listCollectionNames()) {
                counts.put(database + "." + collection, client.getDatabase(database).getCollection(collection)
                        .countDocuments());
            }
        }
        Document journal = client.getDatabase("apiomat").getCollection(WorkingNames.journal(ConferenceBundle.APP))
                .find().first();
        return new Listing(counts, journal == null ? "none" : journal.getString("state"));
    }

    /** What {@code after} lacks or holds differently, one phrase each; empty when it kept everything. */
    List<String> lostIn(Listing after) {
        List<String> lost = new ArrayList<>();
        if (!journal.equals(after.journal)) {
            lost.add("journal state " + journal + " -> " + after.journal);
        }
        TreeSet<String> names = new TreeSet<>(counts.keySet());
        names.addAll(after.counts.keySet());
        for (String name : names) {
            Long was = counts.get(name);
            Long is = after.counts.get(name);
            if (is == null) {
                lost.add(name + " gone");
            } else if (was == null) {
                lost.add(name + " back");
            } else if (!was.equals(is)) {
                lost.add(name + " " + was + " -> " + is + " documents");
            }
        }
        return lost;
    }
}
