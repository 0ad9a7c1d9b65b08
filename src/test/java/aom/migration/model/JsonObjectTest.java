package aom.migration.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonObjectTest {

    private static JsonObject parse(String json) {
        return JsonObject.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void whatTheBuilderWritesIsPlainIndentedJsonThatReadsBack() throws Exception {
        byte[] written = JsonObject.write(new JsonObject.Builder().put("name", "Conférence \"App\"\n")
                .put("small", 7).put("large", 5_000_000_000L).put("flag", true).put("absent", (String) null)
                .putOrNull("none", null).strings("systems", List.of("LIVE", "TEST"))
                .put("nested", new JsonObject.Builder().put("depth", 2).build()).build());

        String text = new String(written, StandardCharsets.UTF_8);
        assertThat(text).startsWith("{\n  \"name\": ").contains("\"large\": 5000000000").doesNotContain("$numberLong")
                .doesNotContain("absent");
        // Another parser reads it as the same values.
        JsonNode tree = new ObjectMapper().readTree(written);
        assertThat(tree.path("name").asText()).isEqualTo("Conférence \"App\"\n");
        assertThat(tree.path("large").asLong()).isEqualTo(5_000_000_000L);
        assertThat(tree.path("none").isNull()).isTrue();
        JsonObject read = JsonObject.parse(written);
        assertThat(read.string("name")).isEqualTo("Conférence \"App\"\n");
        assertThat(read.int32("small", 0)).isEqualTo(7);
        assertThat(read.int64("large", 0)).isEqualTo(5_000_000_000L);
        assertThat(read.bool("flag", false)).isTrue();
        assertThat(read.string("none")).isNull();
        assertThat(read.strings("systems")).containsExactly("LIVE", "TEST");
        assertThat(read.object("nested").int32("depth", 0)).isEqualTo(2);
        assertThat(read.object("missing")).isNull();
        assertThat(read.int64("missing", -1)).isEqualTo(-1);
    }

    @Test
    void aFieldOfTheWrongTypeIsNamedByItsPath() {
        JsonObject json = parse("{\"source\": {\"hosts\": 5, \"port\": \"x\", \"ratio\": 1.5, \"big\": 3000000000},"
                + " \"entries\": [{\"path\": \"a\"}, 7], \"map\": {\"a\": \"b\", \"c\": []}}");
        JsonObject source = json.object("source");
        assertThatThrownBy(() -> source.string("hosts")).hasMessage("'source.hosts' must be a string");
        assertThatThrownBy(() -> source.int64("port", 0)).hasMessage("'source.port' must be a whole number");
        assertThatThrownBy(() -> source.int64("ratio", 0)).hasMessage("'source.ratio' must be a whole number");
        assertThatThrownBy(() -> source.int32("big", 0))
                .hasMessage("'source.big' must be a whole number of at most 2147483647");
        assertThatThrownBy(() -> json.objects("entries")).hasMessage("'entries[1]' must be an object");
        assertThatThrownBy(() -> json.strings("entries")).hasMessage("'entries[0]' must be a string");
        assertThatThrownBy(() -> json.map("map", JsonObject.Field::string)).hasMessage("'map.c' must be a string");
        assertThatThrownBy(() -> json.object("entries")).hasMessage("'entries' must be an object");
    }

    @Test
    void unknownFieldsAreNamedWithTheKnownOnesWhenAsked() {
        JsonObject json = parse("{\"database\": \"apiomat\", \"databse\": \"x\"}");
        assertThatThrownBy(() -> json.rejectUnknown(Set.of("database", "collections")))
                .hasMessage("unknown field 'databse' (known fields: collections, database)");
    }

    @Test
    void textThatIsNotAJsonObjectIsRefusedWithTheParsersReason() {
        assertThatThrownBy(() -> parse("{\"format\": ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse("[1, 2]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse("{\"a\": {\"$numberLong\": \"many\"}}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deepNestingIsRefusedBeforeTheParserRecursesIntoIt() {
        String deep = "{\"a\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertThatThrownBy(() -> parse(deep)).hasMessage("it nests objects and arrays 100001 levels deep; at most "
                + JsonObject.MAX_DEPTH + " are allowed");
        // Brackets inside strings do not count.
        assertThat(parse("{\"a\": \"" + "[{".repeat(1000) + "\\\"\"}").string("a")).startsWith("[{[{");
    }

    @Test
    void describeShowsAFieldAsItWasWritten() {
        JsonObject json = parse("{\"v\": \"one\", \"n\": 2, \"o\": {\"x\": true}}");
        assertThat(json.describe("v")).isEqualTo("one");
        assertThat(json.describe("n")).isEqualTo("2");
        assertThat(json.describe("o")).isEqualTo("{\"x\": true}");
        assertThat(json.describe("missing")).isEmpty();
        assertThat(json.map("o", field -> field.owner().bool(field.name(), false))).isEqualTo(Map.of("x", true));
    }
}
