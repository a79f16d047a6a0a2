package io.commandpost.ingest.generic;

import io.commandpost.ingest.mapping.GenericMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.commandpost.events.AlertEvent;
import io.commandpost.events.AlertEvent.AlertReceived;
import io.commandpost.events.AlertEvent.AlertResolved;
import io.commandpost.events.Link;
import io.commandpost.events.Priority;
import io.commandpost.ingest.intake.IntakeContext;
import io.commandpost.ingest.intake.RejectedBodyException;
import io.commandpost.ingest.intake.StrictJson;
import io.commandpost.ingest.support.Fixtures;
import io.commandpost.platform.http.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The shipped example mappings (src/main/resources/mappings) against payloads built from each tool's documented template. */
class GenericMapperTest {

    private static final Instant RECEIVED = Instant.parse("2025-01-05T10:00:05Z");
    private static final IntakeContext CONTEXT = new IntakeContext("payments", "int-g", null, RECEIVED);

    @Test
    void datadogsDefaultPayloadFiresAndRecoversUnderOneKey() {
        GenericMapping mapping = shipped("datadog.json");

        AlertReceived fired = (AlertReceived) map(mapping, "generic/constructed-datadog-default-payload-triggered.json");
        AlertEvent recovered = map(mapping, "generic/constructed-datadog-default-payload-recovered.json");

        assertThat(fired.source()).isEqualTo("datadog");
        assertThat(fired.summary()).isEqualTo("[Triggered] CPU load is high on web-01");
        assertThat(fired.dedupKey()).isEqualTo("7843925348203458700");
        assertThat(fired.priority()).isEqualTo(Priority.P2);
        assertThat(fired.startsAt()).isEqualTo(Instant.ofEpochMilli(1736071200000L));
        assertThat(fired.labels()).containsEntry("host", "web-01").containsEntry("metric", "system.load.1");
        assertThat(fired.details()).containsEntry("org", "Example Org").containsEntry("tags", "env:prod,role:web");
        assertThat(fired.links()).containsExactly(
                new Link("https://app.datadoghq.com/event/event?id=7843925348203458721", "Datadog"));
        assertThat(recovered).isInstanceOf(AlertResolved.class);
        assertThat(recovered.dedupKey()).isEqualTo(fired.dedupKey());
    }

    @Test
    void datadogsBarePayloadStillMapsThroughTheFallbackPointers() {
        String bare = """
                {"body":"b","last_updated":"1736071200000","event_type":"query_alert_monitor",
                 "title":"[Triggered] disk full","date":"1736071200000","org":{"id":"1","name":"o"},"id":"42"}""";

        AlertReceived fired = (AlertReceived) GenericMapper.map(tree(bare), CONTEXT, shipped("datadog.json")).get(0);

        assertThat(fired.dedupKey()).isEqualTo("42");
        assertThat(fired.priority()).isEqualTo(Priority.P3);
    }

    @Test
    void newRelicsWorkflowPayloadMapsPriorityStateAndEpochMillis() {
        AlertReceived fired = (AlertReceived) map(shipped("newrelic-workflows.json"),
                "generic/constructed-newrelic-workflow-default-activated.json");

        assertThat(fired.source()).isEqualTo("newrelic");
        assertThat(fired.summary()).isEqualTo("Error rate > 5% on checkout-service");
        assertThat(fired.dedupKey()).isEqualTo("3f1b2c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d");
        assertThat(fired.priority()).isEqualTo(Priority.P1);
        assertThat(fired.startsAt()).isEqualTo(Instant.ofEpochMilli(1736071200123L));
        assertThat(fired.details()).containsEntry("workflowName", "Checkout on-call")
                .containsEntry("totalIncidents", 1);
        assertThat(fired.links()).extracting(Link::text).containsExactly("New Relic issue");

        String closed = Fixtures.text("generic/constructed-newrelic-workflow-default-activated.json")
                .replace("\"ACTIVATED\"", "\"CLOSED\"");
        assertThat(GenericMapper.map(tree(closed), CONTEXT, shipped("newrelic-workflows.json")).get(0))
                .isInstanceOf(AlertResolved.class);
    }

    @Test
    void zabbixProblemAndRecoveryShareTheEventId() {
        GenericMapping mapping = shipped("zabbix.json");

        AlertReceived problem = (AlertReceived) map(mapping, "generic/constructed-zabbix-webhook-problem.json");
        AlertEvent resolved = map(mapping, "generic/constructed-zabbix-webhook-resolved.json");

        assertThat(problem.summary()).isEqualTo("High CPU utilization (over 90% for 5m)");
        assertThat(problem.priority()).isEqualTo(Priority.P2);
        assertThat(problem.labels()).containsEntry("host", "db-01").containsEntry("triggerId", "23512");
        assertThat(problem.startsAt()).isEqualTo(RECEIVED);
        assertThat(resolved).isInstanceOf(AlertResolved.class);
        assertThat(resolved.dedupKey()).isEqualTo("48217").isEqualTo(problem.dedupKey());
    }

    @Test
    void sentrysIssueAlertFiresThroughJsonPathsAndTheIssueWebhookResolvesIt() {
        GenericMapping mapping = shipped("sentry.json");

        AlertReceived fired = (AlertReceived) map(mapping, "generic/constructed-sentry-issue-alert-triggered.json");
        AlertEvent resolved = map(mapping, "generic/constructed-sentry-issue-resolved.json");

        assertThat(fired.source()).isEqualTo("sentry");
        assertThat(fired.summary()).isEqualTo("TypeError: Cannot read properties of undefined (reading 'cardToken')");
        assertThat(fired.dedupKey()).isEqualTo("5218833071");
        assertThat(fired.priority()).isEqualTo(Priority.P2);
        assertThat(fired.startsAt()).isEqualTo(Instant.parse("2025-01-05T09:58:41.120Z"));
        assertThat(fired.labels()).containsEntry("environment", "production")
                .containsEntry("release", "shop-frontend@2.14.0").containsEntry("platform", "javascript");
        assertThat(fired.details()).containsEntry("rule", "Checkout errors to CommandPost")
                .containsEntry("exceptionTypes", java.util.List.of("TypeError"));
        assertThat(fired.links()).containsExactly(new Link(
                "https://example-shop.sentry.io/issues/5218833071/events/9fac2ceed9344f2bbfdd1fdacb0ed9b1/",
                "Sentry"));
        assertThat(resolved).isInstanceOf(AlertResolved.class);
        assertThat(resolved.dedupKey()).isEqualTo(fired.dedupKey());
    }

    /** Real captures (Zulip's Sentry fixtures): an issue alert from a Python SDK event, and an issue resolved. */
    @Test
    void sentrysRealIssueAlertAndResolvePayloadsMap() {
        GenericMapping mapping = shipped("sentry.json");

        AlertReceived fired = (AlertReceived) map(mapping, "generic/zulip-sentry-event-alert-triggered-python.json");
        AlertEvent resolved = map(mapping, "generic/zulip-sentry-issue-resolved.json");

        assertThat(fired.summary()).isEqualTo("Exception: Custom exception!");
        assertThat(fired.priority()).isEqualTo(Priority.P2);
        assertThat(fired.startsAt()).isEqualTo(Instant.parse("2020-04-28T13:56:05.903736Z"));
        assertThat(fired.labels()).containsEntry("platform", "python");
        assertThat(fired.details()).containsEntry("rule", "Send a webhook payload to Webhook.site")
                .containsEntry("exceptionTypes", java.util.List.of("Exception"));
        assertThat(fired.links()).extracting(Link::href).containsExactly("https://sentry.io/organizations/"
                + "hypro999-personal-organization/issues/1635244907/events/599349254a1447a99774b5310711c1a8/");
        // this 2020 capture has no data.event.issue_id (today's payloads do): the key falls back to the summary's hash
        assertThat(fired.dedupKey()).startsWith("generic-");
        assertThat(resolved).isInstanceOf(AlertResolved.class);
        assertThat(resolved.dedupKey()).isEqualTo("1638821441");
    }

    /**
     * A real capture of Datadog's default payload (a monitor's test notification): no transition, priority or
     * cycle key, only the title says "[Triggered]"; its recovery says "[Recovered]" and resolves.
     */
    @Test
    void datadogsRealDefaultPayloadFiresAndTheRecoveredTitleResolves() {
        GenericMapping mapping = shipped("datadog.json");

        AlertReceived fired = (AlertReceived) map(mapping, "generic/relay-datadog-default-payload-test-triggered.json");
        AlertEvent recovered = GenericMapper.map(tree(Fixtures.text("generic/relay-datadog-default-payload-test-triggered.json")
                .replace("[Triggered]", "[Recovered]")), CONTEXT, mapping).get(0);

        assertThat(fired.source()).isEqualTo("datadog");
        assertThat(fired.summary()).isEqualTo("[Triggered] [TEST] Host Cluster Alert");
        assertThat(fired.dedupKey()).isEqualTo("5485379890863845239");
        assertThat(fired.priority()).isEqualTo(Priority.P3);
        assertThat(fired.startsAt()).isEqualTo(Instant.ofEpochMilli(1591216985000L));
        assertThat(fired.details()).containsEntry("org", "Puppet").containsEntry("eventType", "service_check");
        assertThat(recovered).isInstanceOf(AlertResolved.class);
    }

    /** Real captures of New Relic's default workflow payload (Zulip's fixtures): an issue activated, one closed. */
    @Test
    void newRelicsRealDefaultPayloadsActivateAndClose() {
        GenericMapping mapping = shipped("newrelic-workflows.json");

        AlertReceived activated = (AlertReceived) map(mapping, "generic/zulip-newrelic-workflow-default-activated.json");
        AlertEvent closed = map(mapping, "generic/zulip-newrelic-workflow-default-closed.json");

        assertThat(activated.summary())
                .isEqualTo("zulip_app query result is > 1.0 for 1 minutes on 'Zulip Server Low Storage'");
        assertThat(activated.dedupKey()).isEqualTo("c5faa7e6-7b54-402d-af79-f99601e0278c");
        assertThat(activated.priority()).isEqualTo(Priority.P1);
        assertThat(activated.startsAt()).isEqualTo(Instant.ofEpochMilli(1713755131352L));
        assertThat(activated.details()).containsEntry("workflowName", "testWorkflow");
        assertThat(activated.links()).extracting(Link::href).containsExactly("https://radar-api.service.newrelic.com"
                + "/accounts/4420147/issues/c5faa7e6-7b54-402d-af79-f99601e0278c?notifier=WEBHOOK");
        assertThat(closed).isInstanceOf(AlertResolved.class);
        assertThat(closed.dedupKey()).isEqualTo("95a9344a-2590-48ce-8d83-07e28b6d22c6");
    }

    /**
     * The other common Zabbix template, Zulip's media type ({@code hostname}, {@code severity}, {@code status}
     * PROBLEM/OK, {@code item}, {@code trigger}, {@code link}), real fixtures: it fires and resolves through the same
     * mapping. Its only key is the event link ({@code {EVENT.ID}} in a recovery message is the problem's, so a real
     * recovery carries the problem's link; Zulip's two fixtures are of different events).
     */
    @Test
    void zabbixZulipTemplateProblemFiresAndOkResolves() {
        GenericMapping mapping = shipped("zabbix.json");

        AlertReceived problem = (AlertReceived) map(mapping, "generic/zulip-zabbix-template-problem.json");
        AlertEvent ok = map(mapping, "generic/zulip-zabbix-template-ok.json");

        assertThat(problem.summary()).isEqualTo("Zabbix agent on www.example.com is unreachable for 5 minutes");
        assertThat(problem.priority()).isEqualTo(Priority.P3);
        assertThat(problem.dedupKey())
                .isEqualTo("https://zabbix.example.com/tr_events.php?triggerid=14032&eventid=10528");
        assertThat(problem.labels()).containsEntry("host", "www.example.com");
        assertThat(problem.details()).containsEntry("message", "Agent ping is Up (1)").containsEntry("status", "PROBLEM");
        assertThat(problem.links()).extracting(Link::text).containsExactly("Zabbix event");
        assertThat(ok).isInstanceOf(AlertResolved.class);
        assertThat(ok.dedupKey()).isEqualTo("https://zabbix.example.com/tr_events.php?triggerid=14032&eventid=10529");
    }

    @Test
    void aListOfExpressionsGivesTheFirstThatFindsSomethingToAnyField() {
        GenericMapping mapping = GenericMapping.parse(tree("""
                {"summary": "/t", "status": {"pointer": ["/state", "$.status"], "resolvedValues": ["ok"]},
                 "severity": {"pointer": ["/sev", "/severity"], "values": {"high": "P2"}},
                 "labels": {"host": ["/host_name", "/hostname"]}, "details": {"item": ["/nothing", "$.item"]}}"""),
                "/mapping", null);

        AlertEvent resolved = GenericMapper.map(tree("{\"t\":\"x\",\"status\":\"OK\"}"), CONTEXT, mapping).get(0);
        AlertReceived fired = (AlertReceived) GenericMapper.map(tree(
                "{\"t\":\"x\",\"status\":\"PROBLEM\",\"severity\":\"High\",\"hostname\":\"h1\",\"item\":\"i\"}"),
                CONTEXT, mapping).get(0);

        assertThat(resolved).isInstanceOf(AlertResolved.class);
        assertThat(fired.priority()).isEqualTo(Priority.P2);
        assertThat(fired.labels()).containsEntry("host", "h1");
        assertThat(fired.details()).containsEntry("item", "i");
    }

    @Test
    void aJsonPathFindingSeveralValuesGivesItsFirstToOneValueFieldsAndAllToDetailsLabelsAndLinks() {
        GenericMapping mapping = GenericMapping.parse(tree("""
                {"summary": "$.checks[*].name", "dedupKey": "$..id",
                 "severity": {"pointer": "$.checks[?(@.failing == true)].severity"},
                 "details": {"failing": "$.checks[?(@.failing == true)].name", "first": "$.checks[0].name"},
                 "labels": {"tags": "$.tags[*]"},
                 "links": [{"pointer": "$.checks[*].url", "text": "check"}]}"""), "/mapping", null);

        AlertReceived fired = (AlertReceived) GenericMapper.map(tree("""
                {"id": "run-7", "tags": ["env:prod", "team:payments"],
                 "checks": [{"id": "c1", "name": "disk", "failing": false, "severity": "info", "url": "https://c/1"},
                            {"id": "c2", "name": "cpu", "failing": true, "severity": "critical", "url": "https://c/2"}]}"""),
                CONTEXT, mapping).get(0);

        assertThat(fired.summary()).isEqualTo("disk");
        assertThat(fired.dedupKey()).isEqualTo("run-7");
        assertThat(fired.priority()).isEqualTo(Priority.P1);
        assertThat(fired.details()).containsEntry("failing", java.util.List.of("cpu")).containsEntry("first", "disk");
        assertThat(fired.labels()).containsEntry("tags", "env:prod,team:payments");
        assertThat(fired.links()).extracting(Link::href).containsExactly("https://c/1", "https://c/2");
    }

    @Test
    void aJsonPathThatFindsNothingIsLikeAMissingPointer() {
        GenericMapping mapping = GenericMapping.parse(tree("""
                {"summary": ["$.data.event.title", "/fallback"], "dedupKey": "$.nothing[*]",
                 "status": {"pointer": "$.state", "resolvedValues": ["ok"]},
                 "details": {"absent": "$.tags[?(@ == 'x')]"}}"""), "/mapping", null);

        AlertReceived fired = (AlertReceived) GenericMapper.map(tree("{\"fallback\": \"from the pointer\"}"),
                CONTEXT, mapping).get(0);

        assertThat(fired.summary()).isEqualTo("from the pointer");
        assertThat(fired.dedupKey()).startsWith("generic-");
        assertThat(fired.details()).doesNotContainKey("absent");
        assertThatThrownBy(() -> GenericMapper.map(tree("{\"data\": {}}"), CONTEXT, shipped("sentry.json")))
                .isInstanceOf(RejectedBodyException.class)
                .satisfies(e -> assertThat(((RejectedBodyException) e).problem().errors())
                        .extracting("pointer").containsExactly("/data/event/title"));
    }

    @Test
    void anInvalidJsonPathIsRefusedAtCreationNamingTheField() {
        assertThatThrownBy(() -> GenericMapping.parse(tree("{\"summary\":\"$.data..\"}"), "/mapping", null))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problem().errors())
                        .extracting("pointer").containsExactly("/mapping/summary"));
        assertThatThrownBy(() -> GenericMapping.parse(
                tree("{\"summary\":\"/t\",\"links\":[{\"pointer\":\"$.a[?(@.b ==]\",\"text\":\"x\"}]}"),
                "/mapping", null))
                .satisfies(e -> assertThat(((InvalidInputException) e).problem().errors())
                        .extracting("pointer").containsExactly("/mapping/links/0/pointer"));
        assertThatThrownBy(() -> GenericMapping.parse(
                tree("{\"summary\":\"$.title\",\"details\":{\"d\":\"$.nowhere\"}}"), "/mapping",
                tree("{\"title\":\"t\"}")))
                .satisfies(e -> assertThat(((InvalidInputException) e).problem().errors())
                        .extracting("pointer").containsExactly("/mapping/details/d"));
    }

    @Test
    void aBodyWithoutTheSummaryIsRejectedNamingTheMappedPointer() {
        assertThatThrownBy(() -> GenericMapper.map(tree("{\"id\":\"1\"}"), CONTEXT, shipped("zabbix.json")))
                .isInstanceOf(RejectedBodyException.class)
                .satisfies(e -> assertThat(((RejectedBodyException) e).problem().errors())
                        .extracting("pointer").containsExactly("/event_name"));
    }

    @Test
    void aMappingThatPointsNowhereIsRefusedNamingTheField() {
        assertThatThrownBy(() -> GenericMapping.parse(tree("{\"summary\":\"title\"}"), "/mapping", null))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problem().errors())
                        .extracting("pointer").containsExactly("/mapping/summary"));
        assertThatThrownBy(() -> GenericMapping.parse(tree("{\"dedupKey\":\"/id\"}"), "/mapping", null))
                .satisfies(e -> assertThat(((InvalidInputException) e).problem().errors())
                        .extracting("pointer").containsExactly("/mapping/summary"));
        assertThatThrownBy(() -> GenericMapping.parse(
                tree("{\"summary\":\"/title\",\"labels\":{\"host\":\"/hostname\"}}"), "/mapping",
                tree("{\"title\":\"t\",\"host\":\"h\"}")))
                .satisfies(e -> assertThat(((InvalidInputException) e).problem().errors())
                        .extracting("pointer").containsExactly("/mapping/labels/host"));
        assertThatThrownBy(() -> GenericMapping.parse(
                tree("{\"summary\":\"/t\",\"severity\":{\"pointer\":\"/s\",\"values\":{\"bad\":\"P9\"}}}"),
                "/mapping", null))
                .satisfies(e -> assertThat(((InvalidInputException) e).problem().errors())
                        .extracting("pointer").containsExactly("/mapping/severity/values/bad"));
    }

    @Test
    void everyShippedMappingFindsEverythingInItsSample() {
        GenericMapping.parse(shippedTree("datadog.json"), "/mapping",
                tree(Fixtures.text("generic/constructed-datadog-default-payload-triggered.json")
                        .replace("\"tags\"", "\"alert_status\":\"s\",\"alert_scope\":\"a\",\"tags\"")));
        GenericMapping.parse(shippedTree("newrelic-workflows.json"), "/mapping",
                tree(Fixtures.text("generic/constructed-newrelic-workflow-default-activated.json")));
        // the Zabbix mapping serves two templates: every field finds its value in one of them
        com.fasterxml.jackson.databind.node.ObjectNode bothZabbixTemplates =
                (com.fasterxml.jackson.databind.node.ObjectNode) tree(Fixtures.text("generic/zulip-zabbix-template-problem.json"));
        bothZabbixTemplates.setAll((com.fasterxml.jackson.databind.node.ObjectNode)
                tree(Fixtures.text("generic/constructed-zabbix-webhook-problem.json")));
        GenericMapping.parse(shippedTree("zabbix.json"), "/mapping", bothZabbixTemplates);
        GenericMapping.parse(shippedTree("datadog.json"), "/mapping",
                tree(Fixtures.text("generic/relay-datadog-default-payload-test-triggered.json")
                        .replace("\"id\"", "\"alert_priority\":\"P3\",\"alert_status\":\"s\",\"alert_scope\":\"a\","
                                + "\"tags\":\"t\",\"host_name\":\"h\",\"alert_metric\":\"m\",\"alert_id\":\"1\","
                                + "\"link\":\"l\",\"id\"")));
        GenericMapping.parse(shippedTree("sentry.json"), "/mapping",
                tree(Fixtures.text("generic/constructed-sentry-issue-alert-triggered.json")));
        GenericMapping.parse(shippedTree("newrelic-workflows.json"), "/mapping",
                tree(Fixtures.text("generic/zulip-newrelic-workflow-default-activated.json")));
    }

    private static AlertEvent map(GenericMapping mapping, String fixture) {
        return GenericMapper.map(tree(Fixtures.text(fixture)), CONTEXT, mapping).get(0);
    }

    static GenericMapping shipped(String name) {
        return GenericMapping.parse(shippedTree(name), "/mapping", null);
    }

    static JsonNode shippedTree(String name) {
        try (InputStream in = GenericMapperTest.class.getResourceAsStream("/mappings/" + name)) {
            return StrictJson.parse(in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tree(String json) {
        return StrictJson.parse(json.getBytes(StandardCharsets.UTF_8), null);
    }
}
