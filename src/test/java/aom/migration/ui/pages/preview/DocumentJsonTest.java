package aom.migration.ui.pages.preview;

import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentJsonTest {

    @Test
    void passwordsAreMaskedAtAnyDepthAndTheRestIsRelaxedIndentedJson() {
        BsonDocument customer = new BsonDocument("_id", new BsonObjectId(new ObjectId("65e18b6f9329aaabb39d3389")))
                .append("userName", new BsonString("alice@conference.example"))
                .append("password", new BsonString("pbkdf2-sha256$10000$c2FsdA==$aGFzaA=="))
                .append("logins", new BsonInt32(3))
                .append("oauth", new BsonDocument("clientPassword", new BsonString("hunter2")));

        String json = DocumentJson.pretty(RawBsonDocument.parse(customer.toJson()), Set.of("password"));

        assertThat(json).doesNotContain("pbkdf2").doesNotContain("hunter2")
                .contains("\"password\": \"********\"").contains("\"clientPassword\": \"********\"")
                .contains("\"$oid\": \"65e18b6f9329aaabb39d3389\"")
                .contains("\"logins\": 3")
                .contains("\n  \"userName\": \"alice@conference.example\"");
    }

    @Test
    void largeBinaryValuesAreShownAsTheirSize() {
        BsonDocument chunk = new BsonDocument("n", new BsonInt32(0))
                .append("data", new BsonBinary(new byte[300_000]))
                .append("small", new BsonBinary(new byte[]{1, 2, 3}));

        String json = DocumentJson.pretty(new RawBsonDocument(chunk, new BsonDocumentCodec()),
                Set.of());

        assertThat(json).contains("\"data\": \"<binary data, 293.0 KB>\"").contains("\"$binary\"")
                .hasSizeLessThan(400);
    }
}
