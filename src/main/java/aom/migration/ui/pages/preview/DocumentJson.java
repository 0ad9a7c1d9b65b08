package aom.migration.ui.pages.preview;

import aom.migration.ui.DataSizes;
import aom.migration.ui.Messages;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import java.util.Locale;
import java.util.Set;

/**
 * A metadata document as the preview's details pane shows it: relaxed Extended JSON, indented, with passwords
 * masked and large binary values (jar chunks) summarised, so that neither a hash nor a megabyte of base64 lands on
 * the screen.
 */
public final class DocumentJson {

    /** Binary values up to this size are shown; larger ones as their size. */
    static final int BINARY_LIMIT = 256;
    static final String MASK = "********";

    private static final JsonWriterSettings PRETTY = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED)
            .indent(true).build();

    private DocumentJson() {
    }

    /**
     * The document as indented relaxed Extended JSON.
     *
     * @param passwordFields field names masked at any depth, besides every field whose name contains "password"
     */
    public static String pretty(RawBsonDocument document, Set<String> passwordFields) {
        BsonDocument decoded = document.decode(new BsonDocumentCodec());
        return clean(decoded, passwordFields).toJson(PRETTY);
    }

    private static BsonDocument clean(BsonDocument document, Set<String> passwordFields) {
        BsonDocument copy = new BsonDocument();
        document.forEach((name, value) -> copy.append(name, isPassword(name, passwordFields)
                ? new BsonString(MASK) : clean(value, passwordFields)));
        return copy;
    }

    private static BsonValue clean(BsonValue value, Set<String> passwordFields) {
        if (value.isDocument()) {
            return clean(value.asDocument(), passwordFields);
        }
        if (value.isArray()) {
            BsonArray copy = new BsonArray();
            value.asArray().forEach(element -> copy.add(clean(element, passwordFields)));
            return copy;
        }
        if (value.isBinary()) {
            BsonBinary binary = value.asBinary();
            if (binary.getData().length > BINARY_LIMIT) {
                return new BsonString(Messages.format("preview.json.binary", DataSizes.bytes(binary.getData().length)));
            }
        }
        return value;
    }

    private static boolean isPassword(String name, Set<String> passwordFields) {
        return passwordFields.contains(name) || name.toLowerCase(Locale.ROOT).contains("password");
    }
}
