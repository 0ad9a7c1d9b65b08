package aom.migration.ui.dialog;

import aom.migration.mongo.ConnectionFailedException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorTextTest {

    @Test
    void theEnginesOwnSentenceIsShownAsItIs() {
        ConnectionFailedException failure = new ConnectionFailedException(
                "Connection refused by db:27017: nothing listens on that port; is MongoDB running?", null);

        assertThat(ErrorText.readable(new ExecutionException(failure)))
                .isEqualTo("Connection refused by db:27017: nothing listens on that port; is MongoDB running?");
    }

    @Test
    void anUnexpectedErrorIsNamed() {
        assertThat(ErrorText.readable(new NullPointerException("x is null")))
                .isEqualTo("Unexpected error (NullPointerException): x is null");
    }

    @Test
    void detailsNeverContainAPassword() {
        RuntimeException failure = new RuntimeException("cannot use mongodb://support:hunter2@db:27017/");

        assertThat(ErrorText.details(failure)).contains("mongodb://support:*****@db:27017/")
                .doesNotContain("hunter2");
        assertThat(ErrorText.readable(failure)).doesNotContain("hunter2");
    }
}
