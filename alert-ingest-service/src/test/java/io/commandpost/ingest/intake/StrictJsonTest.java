package io.commandpost.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.NotSupportedException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "",
            "   ",
            "{",
            "{\"a\":1}}",
            "{\"a\":1} {\"b\":2}",
            "{\"a\":1,\"a\":2}",
            "{'a':1}",
            "{\"a\":NaN}",
            "{\"a\":1,}"})
    void rejectsWhatIsNotExactlyOneWellFormedJsonValue(String body) {
        assertThatThrownBy(() -> StrictJson.parse(body.getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOf(RejectedBodyException.class)
                .satisfies(e -> assertThat(((RejectedBodyException) e).problem().status()).isEqualTo(400));
    }

    @Test
    void rejectsDeepNestingWithA400NotAStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);

        assertThatThrownBy(() -> StrictJson.parse(deep.getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOf(RejectedBodyException.class)
                .hasMessageContaining("limit");
    }

    @Test
    void acceptsNestingUpToTheLimit() {
        String deep = "[".repeat(StrictJson.MAX_DEPTH) + "]".repeat(StrictJson.MAX_DEPTH);

        assertThat(StrictJson.parse(deep.getBytes(StandardCharsets.UTF_8), null).isArray()).isTrue();
    }

    @Test
    void rejectsHugeNumbers() {
        String body = "{\"n\":" + "9".repeat(10_000) + "}";

        assertThatThrownBy(() -> StrictJson.parse(body.getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOf(RejectedBodyException.class)
                .hasMessageContaining("limit");
    }

    @Test
    void toleratesAUtf8ByteOrderMark() {
        byte[] body = ("\uFEFF{\"a\":\"é\"}").getBytes(StandardCharsets.UTF_8);

        assertThat(StrictJson.parse(body, "utf-8").get("a").asText()).isEqualTo("é");
    }

    @ParameterizedTest
    @ValueSource(strings = {"utf-8", "UTF-8", "\"utf-8\"", "utf8"})
    void acceptsUtf8HoweverItIsSpelled(String charset) {
        JsonNode node = StrictJson.parse("{\"a\":\"ü\"}".getBytes(StandardCharsets.UTF_8), charset);

        assertThat(node.get("a").asText()).isEqualTo("ü");
    }

    @Test
    void decodesAnotherDeclaredCharset() {
        byte[] latin1 = "{\"a\":\"ü\"}".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(StrictJson.parse(latin1, "ISO-8859-1").get("a").asText()).isEqualTo("ü");
    }

    @Test
    void refusesAnUnknownCharsetAsUnsupportedMediaType() {
        assertThatThrownBy(() -> StrictJson.parse("{}".getBytes(StandardCharsets.UTF_8), "klingon-8"))
                .isInstanceOf(NotSupportedException.class);
    }
}
