package aom.migration.logging;

import aom.migration.model.AppHome;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LogRedactionTest {

    @Test
    void logFileNeverContainsPasswordsWhoeverLogsThem() throws Exception {
        Logger log = LoggerFactory.getLogger("some.library");
        String marker = "marker-" + System.nanoTime();
        log.info("{} connecting to mongodb://admin:Very-Secret-1@db1:27017/", marker);
        log.warn(marker + " failed", new IllegalStateException("cannot reach mongodb://admin:Very-Secret-2@db2/"));
        Path file = AppHome.root().resolve("logs").resolve("migration.log");
        String content = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(content).contains(marker + " connecting to mongodb://admin:*****@db1:27017/");
        assertThat(content).contains("cannot reach mongodb://admin:*****@db2/");
        assertThat(content).doesNotContain("Very-Secret");
    }
}
