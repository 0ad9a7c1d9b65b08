package aom.migration.cli;

import com.mongodb.MongoCommandException;
import com.mongodb.ServerAddress;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CliErrorsTest {

    @Test
    void aRefusedCommandNoStepExplainedIsShownInTheServersWords() {
        MongoCommandException refused = new MongoCommandException(BsonDocument.parse("{ok: 0, errmsg: 'ns does not"
                + " exist', code: 26, codeName: 'NamespaceNotFound'}"), new ServerAddress("db1.example", 27017));

        assertThat(CliErrors.message(refused)).isEqualTo("db1.example:27017 answered with error 26"
                + " (NamespaceNotFound): ns does not exist");
        assertThat(CliErrors.exitCode(refused)).isEqualTo(1);
    }

    @Test
    void anythingElseKeepsItsKind() {
        assertThat(CliErrors.message(new IllegalStateException("odd"))).isEqualTo("IllegalStateException: odd");
    }
}
