package aom.migration.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Systems, naming conventions and --map targets are typed by picocli converters: a wrong word is refused while the
 * command line is parsed, before anything is opened or connected, with one sentence and without the usage.
 */
class TypedOptionsTest {

    private static final String NOWHERE = "mongodb://127.0.0.1:1/";

    @Test
    void anUnknownSystemIsRefusedWithTheValidOnes(@TempDir Path dir) throws Exception {
        Path bundle = Files.writeString(dir.resolve("x.aombundle"), "not read");
        for (CliRun run : new CliRun[] {
            CliRun.of("export", "--source", NOWHERE, "--app", "ShopApp", "--systems", "LIVE,PROD"),
            CliRun.of("import", "--target", NOWHERE, bundle.toString(), "--systems", "prod"),
            CliRun.of("verify", "--source", NOWHERE, "--target", NOWHERE, "--app", "ShopApp", "--systems", "PROD")}) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.err()).contains("Invalid value for option '--systems'", "use LIVE, STAGING or TEST")
                    .doesNotContain("Usage:");
            assertThat(run.err().strip().lines()).hasSize(1);
        }
    }

    @Test
    void anUnknownNamingOrMapTargetIsRefusedInOneSentence(@TempDir Path dir) throws Exception {
        Path bundle = Files.writeString(dir.resolve("x.aombundle"), "not read");
        CliRun naming = CliRun.of("import", "--target", NOWHERE, bundle.toString(), "--naming", "camel");
        assertThat(naming.exitCode()).isEqualTo(2);
        assertThat(naming.err().strip()).isEqualTo("Invalid value for option '--naming': Unknown naming"
                + " convention 'camel': use DASHED or SUFFIXED");
        CliRun map = CliRun.of("import", "--target", NOWHERE, bundle.toString(), "--map", "LIVE=PROD");
        assertThat(map.exitCode()).isEqualTo(2);
        assertThat(map.err()).contains("'PROD' is not a system (use LIVE, STAGING or TEST, and SKIP to leave a system"
                + " out)").doesNotContain("Usage:");
    }
}
