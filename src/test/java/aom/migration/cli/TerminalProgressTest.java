package aom.migration.cli;

import aom.migration.progress.Phase;
import aom.migration.progress.ProgressEvent;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    void everyLineIsDrawnFromOneStateItsPercentageMatchesItsCounts() {
        // The first line used to be drawn while the bar moved from its empty start: "0% [=====  ] 514/2595 KB".
        Pattern line = Pattern.compile("Export App +(\\d+)% \\[[= >-]*\\] +(\\d+)/(\\d+) KB");
        for (int round = 0; round < 20; round++) {
            StringWriter out = new StringWriter();
            try (TerminalProgress progress = new TerminalProgress("Export App", new PrintWriter(out, true), false,
                    true)) {
                progress.onProgress(overall(526_336, 2_657_280));
                progress.onProgress(overall(2_657_280, 2_657_280));
            }
            List<String> lines = out.toString().lines().toList();
            assertThat(lines).isNotEmpty();
            for (String printed : lines) {
                Matcher matcher = line.matcher(printed);
                assertThat(matcher.find()).as(printed).isTrue();
                long done = Long.parseLong(matcher.group(2));
                long total = Long.parseLong(matcher.group(3));
                assertThat(total).as(printed).isEqualTo(2595);
                assertThat(Integer.parseInt(matcher.group(1))).as(printed).isIn(
                        (int) (100 * done / total), (int) (100 * (done + 1) / total));
            }
        }
    }

    @Test
    void aRedirectedStderrGetsALineAtTheStartEveryFiveSecondsAndAtTheEnd() {
        long[] now = {0};
        long total = 300L << 20;
        StringWriter out = new StringWriter();
        try (TerminalProgress progress = new TerminalProgress("Import App", new PrintWriter(out, true), false, true,
                () -> now[0], Duration.ofSeconds(5))) {
            progress.onProgress(working("App.Media"));
            progress.onProgress(overall(0, total));
            now[0] = 1_000_000_000L;
            progress.onProgress(overall(30L << 20, total));
            now[0] = 6_000_000_000L;
            progress.onProgress(overall(150L << 20, total));
            now[0] = 7_000_000_000L;
            progress.onProgress(overall(175L << 20, total));
            now[0] = 12_000_000_000L;
            progress.onProgress(overall(total, total));
        }
        // Neither a rate nor a time left before they mean something: no "?", no "97:15:37".
        assertThat(out.toString().lines().toList()).containsExactly(
                "Import App   0% [                              ] 0/300 MB (0:00:00) App.Media",
                "Import App  50% [===============               ] 150/300 MB (0:00:06) 25 MB/s App.Media",
                "Import App 100% [==============================] 300/300 MB (0:00:12 / 0:00:00 left) 25 MB/s"
                        + " App.Media");
    }

    @Test
    void whileNoProgressComesInALineStillComesEveryInterval() throws InterruptedException {
        // Building the indexes of a large collection reports nothing for minutes; a log should show the job alive.
        StringWriter out = new StringWriter();
        try (TerminalProgress progress = new TerminalProgress("Import App", new PrintWriter(out, true), false, true,
                System::nanoTime, Duration.ofMillis(100))) {
            progress.onProgress(overall(150L << 20, 300L << 20));
            progress.onProgress(ProgressEvent.message(Phase.INDEXES, ProgressEvent.Level.INFO, "indexes"));
            Thread.sleep(650);
        }
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.size()).as(out.toString()).isBetween(3, 9);
        assertThat(lines.get(0)).startsWith("Import App  50% [===============               ] 150/300 MB");
        assertThat(lines.subList(1, lines.size())).allSatisfy(line -> assertThat(line)
                .startsWith("Import App  50% [===============               ] 150/300 MB")
                .endsWith(" " + Phase.INDEXES.label()));
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
