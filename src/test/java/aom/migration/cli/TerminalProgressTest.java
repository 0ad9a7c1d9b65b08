package aom.migration.cli;

import aom.migration.progress.Phase;
import aom.migration.progress.ProgressEvent;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class TerminalProgressTest {

    private static ProgressEvent overall(long done, long total) {
        return new ProgressEvent(Phase.DATA, null, 0, -1, done, total, 0, 0, null, ProgressEvent.Level.INFO, null);
    }

    private static ProgressEvent working(String namespace) {
        return new ProgressEvent(Phase.DATA, namespace, 0, -1, 0, -1, 0, 0, null, ProgressEvent.Level.INFO, null);
    }

    private static String run(long total, String namespace) {
        StringWriter out = new StringWriter();
        try (TerminalProgress progress = new TerminalProgress("Export App", new PrintWriter(out, true), false, true)) {
            progress.onProgress(overall(0, -1));
            progress.onProgress(working(namespace));
            progress.onProgress(overall(total / 2, total));
            progress.onProgress(overall(total, total));
            progress.onProgress(ProgressEvent.message(Phase.DATA, ProgressEvent.Level.WARNING, "App has no TEST"));
        }
        return out.toString();
    }

    @Test
    void aSmallJobCountsKilobytesALargeOneMegabytes() {
        String small = run(1_006_632, "App.Users");
        assertThat(small).contains("Export App 100%").contains("983/983 KB").contains("App.Users")
                .doesNotContain(" MB");
        assertThat(small.strip()).endsWith("Warning: App has no TEST");

        String large = run(300L << 20, "App.Media");
        assertThat(large).contains("300/300 MB").contains("App.Media").doesNotContain(" KB");
    }

    @Test
    void withoutATotalNoBarIsDrawnAndTheWarningsStillAre() {
        StringWriter out = new StringWriter();
        try (TerminalProgress progress = new TerminalProgress("Import App", new PrintWriter(out, true), false, true)) {
            progress.onProgress(overall(0, 0));
            progress.onProgress(ProgressEvent.message(Phase.DATA, ProgressEvent.Level.WARNING, "nothing to do"));
        }
        assertThat(out.toString()).isEqualTo("Warning: nothing to do" + System.lineSeparator());
    }
}
