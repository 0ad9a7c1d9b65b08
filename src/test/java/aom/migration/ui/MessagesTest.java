package aom.migration.ui;

import aom.migration.model.DatabaseNaming;
import aom.migration.progress.Phase;
import aom.migration.restore.SwapStrategy;
import aom.migration.ui.pages.preview.ChecksumState;
import aom.migration.ui.pages.preview.NodeKind;
import aom.migration.ui.pages.progress.JobKind;
import aom.migration.ui.pages.progress.RowState;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesTest {

    private static final Path UI_RESOURCES = Path.of("src", "main", "resources", "aom", "migration", "ui");
    private static final Path UI_SOURCES = Path.of("src", "main", "java", "aom", "migration", "ui");

    @Test
    void germanHasEveryEnglishTextAndNoOthers() throws IOException {
        Set<String> english = load("i18n/messages.properties").stringPropertyNames();
        Set<String> german = load("i18n/messages_de.properties").stringPropertyNames();

        assertThat(new TreeSet<>(german)).isEqualTo(new TreeSet<>(english));
    }

    @Test
    void everyTextAnFxmlFileUsesExists() throws IOException {
        Set<String> keys = load("i18n/messages.properties").stringPropertyNames();
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(UI_RESOURCES)) {
            for (Path fxml : files.filter(file -> file.toString().endsWith(".fxml")).toList()) {
                Matcher key = Pattern.compile("\"%([A-Za-z0-9.]+)\"").matcher(Files.readString(fxml));
                while (key.find()) {
                    if (!keys.contains(key.group(1))) {
                        missing.add(fxml.getFileName() + ": " + key.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyTextTheCodeAsksForExists() throws IOException {
        Set<String> keys = load("i18n/messages.properties").stringPropertyNames();
        Pattern lookup = Pattern.compile("Messages\\.(?:get|format)\\(\"([A-Za-z0-9.]+)\"");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(UI_SOURCES)) {
            for (Path source : files.filter(file -> file.toString().endsWith(".java")).toList()) {
                Matcher key = lookup.matcher(Files.readString(source));
                while (key.find()) {
                    // A key ending in a dot is completed by an enum constant; enumTextsExist checks those.
                    if (!key.group(1).endsWith(".") && !keys.contains(key.group(1))) {
                        missing.add(source.getFileName() + ": " + key.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void enumTextsExist() throws IOException {
        Set<String> keys = load("i18n/messages.properties").stringPropertyNames();
        List<String> wanted = new ArrayList<>();
        Stream.of(Phase.values()).forEach(value -> wanted.add("phase." + value.name()));
        Stream.of(RowState.values()).filter(value -> value != RowState.DONE)
                .forEach(value -> wanted.add("progress.row." + value.name()));
        Stream.of(JobKind.values()).forEach(value -> wanted.add("progress.row.DONE." + value.name()));
        Stream.of(NodeKind.values()).forEach(value -> wanted.add("preview.kind." + value.name()));
        Stream.of(NodeKind.values()).filter(value -> value != NodeKind.OTHER && value != NodeKind.GROUP)
                .forEach(value -> wanted.add("preview.group." + value.name()));
        Stream.of(ChecksumState.values()).forEach(value -> wanted.add("preview.checksum." + value.name()));
        Stream.of(DatabaseNaming.values()).forEach(value -> wanted.add("naming." + value.name()));
        Stream.of(SwapStrategy.values()).forEach(value -> wanted.add("confirm.swap." + value.name()));

        assertThat(wanted).allMatch(keys::contains, "is in messages.properties");
    }

    @Test
    void argumentsAreFilledInAndApostrophesSurvive() {
        assertThat(Messages.format("connection.password.missing", "support"))
                .isEqualTo("Enter the password of user 'support'");
        assertThat(Messages.format("connection.test.applications", 3, "A, B, C"))
                .isEqualTo("3 ApiOmat applications: A, B, C");
        assertThat(Messages.format("connection.test.applications", 1, "A")).isEqualTo("1 ApiOmat application: A");
    }

    private static Properties load(String path) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(UI_RESOURCES.resolve(path))) {
            properties.load(in);
        }
        return properties;
    }
}
