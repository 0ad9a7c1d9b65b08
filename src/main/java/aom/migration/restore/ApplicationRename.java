package aom.migration.restore;

import aom.migration.model.BadInputException;
import aom.migration.model.ExtractionProfile;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives the application of a metadata closure another name ({@code import --as NAME}): the application document's
 * name and display name, the fields the profile says name the application. Everything else (modules, classes,
 * shared entities) merges as usual, by natural key.
 */
final class ApplicationRename {

    private final ExtractionProfile.ApplicationSpec spec;
    private final String from;
    private final String to;

    private ApplicationRename(ExtractionProfile.ApplicationSpec spec, String from, String to) {
        this.spec = spec;
        this.from = from;
        this.to = to;
    }

    static ApplicationRename of(ExtractionProfile profile, String from, String to) {
        return new ApplicationRename(profile.application(), from, to);
    }

    /**
     * The closure with the application renamed.
     *
     * @throws IllegalArgumentException when the closure holds no application document called {@code from}
     */
    Map<String, List<RawBsonDocument>> apply(Map<String, List<RawBsonDocument>> closure) {
        Map<String, List<RawBsonDocument>> renamed = new LinkedHashMap<>(closure);
        List<RawBsonDocument> applications = new ArrayList<>();
        boolean found = false;
        for (RawBsonDocument document : closure.getOrDefault(spec.collection(), List.of())) {
            BsonDocument decoded = document.decode(new BsonDocumentCodec());
            if (decoded.isString(spec.nameField()) && decoded.getString(spec.nameField()).getValue().equals(from)) {
                decoded.put(spec.nameField(), new BsonString(to));
                if (spec.displayNameField() != null) {
                    decoded.put(spec.displayNameField(), new BsonString(to));
                }
                found = true;
                applications.add(new RawBsonDocument(decoded, new BsonDocumentCodec()));
            } else {
                applications.add(document);
            }
        }
        if (!found) {
            throw new BadInputException("The bundle's metadata holds no application document named " + from
                    + ", so it cannot be imported as " + to);
        }
        renamed.put(spec.collection(), applications);
        return renamed;
    }
}
