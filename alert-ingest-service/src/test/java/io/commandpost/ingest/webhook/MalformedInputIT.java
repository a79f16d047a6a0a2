package io.commandpost.ingest.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.Topics;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.infra.test.TestKafka;
import io.commandpost.ingest.support.Api;
import io.commandpost.ingest.support.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * "No 5xx for any malformed input you can construct; nothing 2xx'd is missing from the topic": each
 * real fixture is mutated (every kind of value swapped in at sampled places, members dropped, the
 * bytes cut short or corrupted) and posted to its endpoint. Every answer must be a 2xx whose events
 * are on the topic, or a 4xx that says why. Seeded, so a failure names a mutation that reproduces.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "commandpost_alert_ingest"))
class MalformedInputIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MUTATIONS_PER_FIXTURE = 80;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @ParameterizedTest
    @ValueSource(strings = {
            "alertmanager|" + Fixtures.ZULIP_2_ALERTS,
            "alertmanager|" + Fixtures.FAMEDLY_SINGLE,
            "alertmanager|" + Fixtures.MSTEAMS_19_LEGACY,
            "grafana|grafana/grafana-docs-webhook-firing-2-alerts.json",
            "generic|generic/constructed-datadog-default-payload-triggered.json",
            "pagerduty|pagerduty/events-v2-trigger.openapi-example.json"})
    void mutatedFixturesGetA2xxThatIsOnTheTopicOrAClear4xx(String typeAndFixture) throws IOException {
        String type = typeAndFixture.substring(0, typeAndFixture.indexOf('|'));
        byte[] fixture = Fixtures.bytes(typeAndFixture.substring(type.length() + 1));
        Endpoint endpoint = Endpoint.create(type);
        Random random = new Random(typeAndFixture.hashCode());

        int rejected = 0;
        List<String> acceptedEventIds = new ArrayList<>();
        List<String> acceptedDedupKeys = new ArrayList<>();
        for (Mutation mutation : mutations(endpoint.prepare(fixture), random)) {
            Response response = endpoint.post(mutation.body());
            int status = response.statusCode();
            assertThat(status).as("%s: %s → %s", type, mutation.name(), response.asString())
                    .isIn(202, 400, 413, 415);
            if (status == 202 && type.equals("pagerduty")) {
                acceptedDedupKeys.add(response.path("dedup_key"));
            } else if (status == 202) {
                acceptedEventIds.addAll(response.path("eventIds"));
            } else {
                rejected++;
                if (!type.equals("pagerduty")) {
                    assertThat(response.contentType()).as(mutation.name()).startsWith("application/problem+json");
                    assertThat((String) response.path("detail")).as(mutation.name()).isNotBlank();
                }
            }
        }
        assertThat(rejected).as("some mutations are refused").isPositive();
        assertThat(acceptedEventIds.size() + acceptedDedupKeys.size()).as("some mutations are still accepted")
                .isPositive();

        List<EventEnvelope> onTopic = TestKafka.consumeAll(Topics.ALERTS, Duration.ofSeconds(30)).stream()
                .map(TestKafka::envelope).toList();
        Set<String> eventIds = new HashSet<>();
        Set<String> dedupKeys = new HashSet<>();
        onTopic.forEach(envelope -> {
            eventIds.add(envelope.eventId().toString());
            dedupKeys.add(envelope.aggregateId());
        });
        assertThat(eventIds).containsAll(acceptedEventIds);
        assertThat(dedupKeys).containsAll(acceptedDedupKeys);
    }

    private record Mutation(String name, byte[] body) {
    }

    /** Sampled structural mutations of the tree, then truncations and corrupted bytes of the text. */
    private static List<Mutation> mutations(byte[] original, Random random) throws IOException {
        JsonNode tree = JSON.readTree(original);
        List<String> pointers = new ArrayList<>();
        collectPointers(tree, "", pointers);
        Map<String, Function<Random, JsonNode>> replacements = Map.ofEntries(
                Map.entry("null", r -> NODES.nullNode()),
                Map.entry("empty string", r -> NODES.textNode("")),
                Map.entry("text", r -> NODES.textNode("not what you expected \u00e9\u0000")),
                Map.entry("zero", r -> NODES.numberNode(0)),
                Map.entry("negative", r -> NODES.numberNode(-1)),
                Map.entry("huge number", r -> NODES.numberNode(new java.math.BigDecimal("1e400"))),
                Map.entry("fraction", r -> NODES.numberNode(0.5)),
                Map.entry("boolean", r -> NODES.booleanNode(true)),
                Map.entry("empty array", r -> NODES.arrayNode()),
                Map.entry("empty object", r -> NODES.objectNode()),
                Map.entry("deep nesting", r -> deeplyNested(300)),
                Map.entry("long text", r -> NODES.textNode("x".repeat(100_000))),
                Map.entry("bad time", r -> NODES.textNode("2026-13-45T25:61:00Z")));
        List<String> kinds = new ArrayList<>(replacements.keySet());
        kinds.sort(null);

        List<Mutation> mutations = new ArrayList<>();
        for (int i = 0; i < MUTATIONS_PER_FIXTURE; i++) {
            String pointer = pointers.get(random.nextInt(pointers.size()));
            JsonNode copy = tree.deepCopy();
            if (random.nextInt(6) == 0) {
                remove(copy, pointer);
                mutations.add(new Mutation("remove " + pointer, JSON.writeValueAsBytes(copy)));
            } else {
                String kind = kinds.get(random.nextInt(kinds.size()));
                JsonNode replaced = replace(copy, pointer, replacements.get(kind).apply(random));
                mutations.add(new Mutation(kind + " at " + pointer, JSON.writeValueAsBytes(replaced)));
            }
        }
        for (int i = 0; i < 12; i++) {
            int cut = random.nextInt(original.length);
            mutations.add(new Mutation("cut at byte " + cut, Arrays.copyOf(original, cut)));
        }
        for (int i = 0; i < 12; i++) {
            byte[] corrupted = original.clone();
            int at = random.nextInt(corrupted.length);
            corrupted[at] = (byte) (0x80 | random.nextInt(0x80));
            mutations.add(new Mutation("byte " + at + " := " + (corrupted[at] & 0xff), corrupted));
        }
        mutations.add(new Mutation("empty body", new byte[0]));
        mutations.add(new Mutation("a JSON string", "\"alerts\"".getBytes(StandardCharsets.UTF_8)));
        mutations.add(new Mutation("an array of it", ("[" + new String(original, StandardCharsets.UTF_8) + "]")
                .getBytes(StandardCharsets.UTF_8)));
        mutations.add(new Mutation("twice", (new String(original, StandardCharsets.UTF_8).repeat(2))
                .getBytes(StandardCharsets.UTF_8)));
        return mutations;
    }

    private static void collectPointers(JsonNode node, String at, List<String> pointers) {
        pointers.add(at);
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> collectPointers(node.get(name),
                    at + "/" + name.replace("~", "~0").replace("/", "~1"), pointers));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectPointers(node.get(i), at + "/" + i, pointers);
            }
        }
    }

    private static JsonNode replace(JsonNode root, String pointer, JsonNode value) {
        if (pointer.isEmpty()) {
            return value;
        }
        JsonPointer path = JsonPointer.compile(pointer);
        JsonNode parent = root.at(path.head());
        if (parent instanceof ObjectNode object) {
            object.set(path.last().getMatchingProperty(), value);
        } else if (parent instanceof ArrayNode array) {
            array.set(path.last().getMatchingIndex(), value);
        }
        return root;
    }

    private static void remove(JsonNode root, String pointer) {
        if (pointer.isEmpty()) {
            return;
        }
        JsonPointer path = JsonPointer.compile(pointer);
        JsonNode parent = root.at(path.head());
        if (parent instanceof ObjectNode object) {
            object.remove(path.last().getMatchingProperty());
        } else if (parent instanceof ArrayNode array) {
            array.remove(path.last().getMatchingIndex());
        }
    }

    private static JsonNode deeplyNested(int depth) {
        ArrayNode outer = NODES.arrayNode();
        ArrayNode current = outer;
        for (int i = 1; i < depth; i++) {
            ArrayNode inner = NODES.arrayNode();
            current.add(inner);
            current = inner;
        }
        return outer;
    }

    /** Where a fixture of a type goes, and how it is authenticated. */
    private record Endpoint(String type, String path, String token) {

        static Endpoint create(String type) {
            Api.CreatedIntegration integration = switchOn(type);
            return new Endpoint(type, type.equals("pagerduty") ? "/v2/enqueue" : "/v1/webhooks/" + type,
                    integration.token());
        }

        private static Api.CreatedIntegration switchOn(String type) {
            if (type.equals("generic")) {
                return Api.createIntegration(Map.of("team", "payments", "type", "generic", "name", "fuzzed datadog",
                        "mapping", shippedMapping("datadog.json")));
            }
            return Api.createIntegration("payments", type, null);
        }

        private static JsonNode shippedMapping(String name) {
            try (var in = MalformedInputIT.class.getResourceAsStream("/mappings/" + name)) {
                return JSON.readTree(in);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** PagerDuty carries its credential in the body: the fixture gets this integration's key. */
        byte[] prepare(byte[] fixture) throws IOException {
            if (!type.equals("pagerduty")) {
                return fixture;
            }
            ObjectNode body = (ObjectNode) JSON.readTree(fixture);
            body.put("routing_key", token);
            return JSON.writeValueAsBytes(body);
        }

        Response post(byte[] body) {
            var request = given().contentType("application/json").body(body);
            if (!type.equals("pagerduty")) {
                request.header("Authorization", "Bearer " + token);
            }
            return request.post(path);
        }
    }
}
