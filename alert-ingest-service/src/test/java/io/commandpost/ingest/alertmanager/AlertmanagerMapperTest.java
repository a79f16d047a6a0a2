package io.commandpost.ingest.alertmanager;

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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertmanagerMapperTest {

    private static final Instant RECEIVED = Instant.parse("2026-01-05T10:00:00Z");
    private static final IntakeContext CONTEXT = new IntakeContext("payments", "int-1", null, RECEIVED);

    @Test
    void mapsEachAlertOfAFiringGroupKeyedByItsFingerprint() {
        List<AlertEvent> events = map(Fixtures.bytes(Fixtures.ZULIP_2_ALERTS), CONTEXT);

        assertThat(events).hasSize(2).allSatisfy(event -> assertThat(event).isInstanceOf(AlertReceived.class));
        assertThat(events).extracting(AlertEvent::dedupKey).containsExactly("a1bc48475b20e73d", "c2ea85182f28cbd9");
        AlertReceived first = (AlertReceived) events.get(0);
        assertThat(first.team()).isEqualTo("payments");
        assertThat(first.integration()).isEqualTo("int-1");
        assertThat(first.source()).isEqualTo("alertmanager");
        assertThat(first.priority()).isEqualTo(Priority.P1);
        assertThat(first.summary()).isEqualTo("High CPU core temperature");
        assertThat(first.details()).containsEntry("description", "CPU core temperature is 34.75C");
        assertThat(first.labels()).containsEntry("host", "andromeda");
        assertThat(first.startsAt()).isEqualTo(Instant.parse("2020-02-06T00:17:58.432911368Z"));
        assertThat(first.receivedAt()).isEqualTo(RECEIVED);
        assertThat(first.links()).extracting(Link::text).containsExactly("Source");
        @SuppressWarnings("unchecked")
        Map<String, Object> group = (Map<String, Object>) first.details().get(AlertmanagerMapper.GROUP_DETAILS);
        assertThat(group).containsEntry("groupKey", "{}/{}:{}").containsEntry("receiver", "ops-zulip");
    }

    @Test
    void keepsTheGroupKeyAndGroupLabelsOfAModernPayload() {
        AlertReceived alert = (AlertReceived) map(Fixtures.bytes(Fixtures.FAMEDLY_SINGLE), CONTEXT).get(0);

        assertThat(alert.dedupKey()).isEqualTo("1a30ba71cca2921f");
        assertThat(alert.summary()).isEqualTo("BlackBox Probe Failure: https://server.example.org");
        assertThat(alert.details().get(AlertmanagerMapper.GROUP_DETAILS)).isEqualTo(Map.of(
                "groupKey", "{}/{severity=\"critical\"}:{alertname=\"ProbeFailure\"}",
                "groupLabels", Map.of("alertname", "ProbeFailure"),
                "receiver", "sms",
                "externalURL", "http://prometheus.example.org:9093",
                "truncatedAlerts", "0"));
        // the fixture's "\\u0026" is JSON for a backslash followed by "u0026": kept as sent
        assertThat(alert.links().get(0).href()).contains("probe_success+%3D%3D+0\\u0026g0.tab=1");
    }

    @Test
    void computesStableFingerprintsForLegacyPayloadsWithoutStatusOrFingerprint() {
        byte[] legacy = Fixtures.bytes(Fixtures.MSTEAMS_19_LEGACY);

        List<AlertEvent> first = map(legacy, CONTEXT);
        List<AlertEvent> second = map(legacy, CONTEXT);

        assertThat(first).hasSize(19).allSatisfy(event -> assertThat(event).isInstanceOf(AlertReceived.class));
        assertThat(first).extracting(AlertEvent::dedupKey).doesNotHaveDuplicates()
                .allSatisfy(key -> assertThat(key).matches("[0-9a-f]{16}"))
                .containsExactlyElementsOf(second.stream().map(AlertEvent::dedupKey).toList());
        assertThat(first.get(0).dedupKey()).isEqualTo(LabelFingerprint.of(((AlertReceived) first.get(0)).labels()));
    }

    @Test
    void takesTheStatusFromTheGroupWhenTheAlertHasNone() {
        String body = """
                {"status":"resolved","alerts":[{"labels":{"alertname":"A"},"endsAt":"2026-01-05T09:59:00Z"}]}""";

        AlertEvent event = map(body.getBytes(StandardCharsets.UTF_8), CONTEXT).get(0);

        assertThat(event).isInstanceOf(AlertResolved.class);
        assertThat(((AlertResolved) event).endsAt()).isEqualTo(Instant.parse("2026-01-05T09:59:00Z"));
    }

    @Test
    void prefersTheAlertsOwnStatusOverTheGroups() {
        String body = """
                {"status":"firing","alerts":[
                  {"status":"resolved","fingerprint":"f1","labels":{"alertname":"A"}},
                  {"fingerprint":"f2","labels":{"alertname":"B"}}]}""";

        List<AlertEvent> events = map(body.getBytes(StandardCharsets.UTF_8), CONTEXT);

        assertThat(events.get(0)).isInstanceOf(AlertResolved.class);
        assertThat(events.get(1)).isInstanceOf(AlertReceived.class);
    }

    @Test
    void fallsBackToTheIntegrationsPriorityThenP3() {
        String body = """
                {"status":"firing","alerts":[{"labels":{"alertname":"A","severity":"page"}}]}""";

        AlertReceived withDefault = (AlertReceived) map(body.getBytes(StandardCharsets.UTF_8),
                new IntakeContext("payments", "int-1", Priority.P2, RECEIVED)).get(0);
        AlertReceived without = (AlertReceived) map(body.getBytes(StandardCharsets.UTF_8), CONTEXT).get(0);

        assertThat(withDefault.priority()).isEqualTo(Priority.P2);
        assertThat(without.priority()).isEqualTo(Priority.P3);
    }

    @Test
    void summarisesFromSummaryThenDescriptionThenAlertname() {
        String body = """
                {"status":"firing","alerts":[
                  {"labels":{"alertname":"A"},"annotations":{"description":"the description"}},
                  {"labels":{"alertname":"B"}}]}""";

        List<AlertEvent> events = map(body.getBytes(StandardCharsets.UTF_8), CONTEXT);

        assertThat(events).extracting(event -> ((AlertReceived) event).summary())
                .containsExactly("the description", "B");
    }

    @Test
    void toleratesNullMapsUnknownFieldsAndNumbersAsStrings() {
        String body = """
                {"status":"firing","notification_reason":"new","truncatedAlerts":0,"groupLabels":null,
                 "alerts":[{"labels":{"alertname":"A","port":8080},"annotations":null,"startsAt":null,
                            "runbook":{"x":1}}]}""";

        AlertReceived alert = (AlertReceived) map(body.getBytes(StandardCharsets.UTF_8), CONTEXT).get(0);

        assertThat(alert.labels()).containsEntry("port", "8080");
        assertThat(alert.startsAt()).isEqualTo(RECEIVED);
    }

    @Test
    void linksTheRunbookFromTheAnnotations() {
        String body = """
                {"status":"firing","alerts":[{"labels":{"alertname":"A"},
                  "annotations":{"runbook_url":"https://runbooks/a"},"generatorURL":"http://prom/graph"}]}""";

        AlertReceived alert = (AlertReceived) map(body.getBytes(StandardCharsets.UTF_8), CONTEXT).get(0);

        assertThat(alert.links()).containsExactly(new Link("http://prom/graph", "Source"),
                new Link("https://runbooks/a", "Runbook"));
    }

    @Test
    void rejectsAnUnknownStatusNamingItsPointer() {
        String body = """
                {"status":"firing","alerts":[{"labels":{"alertname":"A"}},{"status":"exploded","labels":{"alertname":"B"}}]}""";

        assertRejectedAt(body, "/alerts/1/status");
    }

    @Test
    void rejectsMissingAlerts() {
        assertRejectedAt("{\"status\":\"firing\"}", "/alerts");
        assertRejectedAt("{\"status\":\"firing\",\"alerts\":{}}", "/alerts");
    }

    @Test
    void rejectsLabelsThatAreNotStrings() {
        assertRejectedAt("{\"status\":\"firing\",\"alerts\":[{\"labels\":{\"a\":{\"b\":1}}}]}", "/alerts/0/labels/a");
    }

    @Test
    void rejectsABadTimestamp() {
        assertRejectedAt("{\"status\":\"firing\",\"alerts\":[{\"labels\":{\"alertname\":\"A\"},\"startsAt\":\"soon\"}]}",
                "/alerts/0/startsAt");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} -> {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "{'alerts':[{'status':'firing','labels':{'alertname':'A'}}]}                        | /status",
            "{'status':'','alerts':[{'status':'firing','labels':{'alertname':'A'}}]}            | /status",
            "{'status':'firing','alerts':[{'labels':{'alertname':'A'}},{'status':'firing'}]}    | /alerts/1/labels",
            "{'status':'firing','alerts':[{'labels':null}]}                                     | /alerts/0/labels",
            "{'status':'firing','alerts':[{'labels':{'severity':'page'}}]}                      | /alerts/0/labels/alertname",
            "{'status':'firing','alerts':[{'labels':{'alertname':' '}}]}                        | /alerts/0/labels/alertname",
            "{'status':'firing','truncatedAlerts':-1,'alerts':[]}                               | /truncatedAlerts",
            "{'status':'firing','truncatedAlerts':'3','alerts':[]}                              | /truncatedAlerts",
            "{'status':'firing','truncatedAlerts':1.5,'alerts':[]}                              | /truncatedAlerts",
            "{'status':'firing','truncatedAlerts':99999999999999999999999,'alerts':[]}          | /truncatedAlerts",
            "{'status':'firing','truncatedAlerts':true,'alerts':[]}                             | /truncatedAlerts"})
    void refusesWhatWebhookV4RequiresNamingThePointer(String body, String pointer) {
        assertRejectedAt(body.replace('\'', '"'), pointer);
    }

    @Test
    void acceptsAPositiveTruncatedCount() {
        List<AlertEvent> events = map("""
                {"status":"firing","truncatedAlerts":12,"alerts":[{"labels":{"alertname":"A"}}]}"""
                .getBytes(StandardCharsets.UTF_8), CONTEXT);
        assertThat(((AlertReceived) events.get(0)).details().get(AlertmanagerMapper.GROUP_DETAILS))
                .isEqualTo(Map.of("groupLabels", Map.of(), "truncatedAlerts", "12"));
    }

    @Test
    void recordsATimestampWithoutZoneAsReadAsUtc() {
        AlertReceived alert = (AlertReceived) map("""
                {"status":"firing","alerts":[{"labels":{"alertname":"A"},"startsAt":"2026-01-05T09:58:00",
                  "endsAt":"0001-01-01T00:00:00Z"}]}""".getBytes(StandardCharsets.UTF_8), CONTEXT).get(0);

        assertThat(alert.startsAt()).isEqualTo(java.time.Instant.parse("2026-01-05T09:58:00Z"));
        assertThat(alert.details()).containsEntry(AlertmanagerMapper.TIMESTAMPS_READ_AS_UTC,
                List.of("/alerts/0/startsAt"));
    }

    @Test
    void acceptsLeapSecondsAndEpochSecondsAsNumbers() {
        List<AlertEvent> events = map("""
                {"status":"firing","alerts":[{"labels":{"alertname":"A"},"startsAt":"2016-12-31T23:59:60Z"},
                  {"labels":{"alertname":"B"},"startsAt":1765100000}]}""".getBytes(StandardCharsets.UTF_8), CONTEXT);

        assertThat(((AlertReceived) events.get(0)).startsAt()).isEqualTo(java.time.Instant.parse("2016-12-31T23:59:59.999999999Z"));
        assertThat(((AlertReceived) events.get(1)).startsAt()).isEqualTo(java.time.Instant.parse("2025-12-07T09:33:20Z"));
        assertThat(((AlertReceived) events.get(1)).details()).doesNotContainKey(AlertmanagerMapper.TIMESTAMPS_READ_AS_UTC);
    }

    private static void assertRejectedAt(String body, String pointer) {
        assertThatThrownBy(() -> map(body.getBytes(StandardCharsets.UTF_8), CONTEXT))
                .isInstanceOf(RejectedBodyException.class)
                .satisfies(e -> assertThat(((RejectedBodyException) e).problem().errors())
                        .extracting("pointer").containsExactly(pointer));
    }

    private static List<AlertEvent> map(byte[] body, IntakeContext context) {
        JsonNode tree = StrictJson.parse(body, null);
        return AlertmanagerMapper.map(tree, context);
    }
}
