package aom.migration.dump;

import aom.migration.data.CollectionMetadata;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every {@code .metadata.json} that a real mongodump wrote (tools 3.x to 100.6+) survives a round trip whole. */
class RealMetadataFilesTest {

    @Test
    void everyRealMetadataFileRoundTripsWithoutLosingAField() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(InteropDumps.root())) {
            files = walk.filter(file -> file.getFileName().toString().matches(".*\\.metadata\\.json(\\.gz)?"))
                    .sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(30);
        for (Path file : files) {
            String text = read(file);
            BsonDocument original = BsonDocument.parse(text);
            CollectionMetadata metadata = CollectionMetadata.parse(text, file.toString());
            BsonDocument written = BsonDocument.parse(metadata.toJson());
            for (String field : original.keySet()) {
                assertThat(written.get(field)).as(file + " " + field).isEqualTo(original.get(field));
            }
            assertThat(CollectionMetadata.parse(metadata.toJson(), "again")).as(file.toString()).isEqualTo(metadata);
            assertThat(metadata.createOptions().keySet()).as(file.toString())
                    .doesNotContain("create", "flags", "autoIndexId");
            assertThat(metadata.createIndexSpecs()).as(file.toString())
                    .allSatisfy(spec -> assertThat(spec.keySet()).doesNotContain("ns", "v").contains("key", "name"));
        }
    }

    private static String read(Path file) throws IOException {
        try (InputStream in = file.toString().endsWith(".gz") ? GzipFileStream.open(file)
                : Files.newInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
