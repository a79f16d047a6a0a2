package io.commandpost.ingest.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.commandpost.events.AlertEvent;
import io.commandpost.events.AlertEvent.AlertReceived;
import io.commandpost.events.AlertEvent.AlertResolved;
import io.commandpost.events.Link;
import io.commandpost.events.Priority;
import io.commandpost.ingest.intake.IntakeContext;
import io.commandpost.ingest.intake.StrictJson;
import io.commandpost.ingest.support.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PagerDutyMapperTest {

    private static final Instant RECEIVED = Instant.parse("2026-01-05T10:00:00Z");
    private static final IntakeContext CONTEXT = new IntakeContext("payments", "int-1", null, RECEIVED);

    @Test
    void mapsTheOfficialTriggerExample() {
        PagerDutyEvent event = map(Fixtures.text("pagerduty/events-v2-trigger.openapi-example.json"));

        assertThat(event.valid()).isTrue();
        assertThat(event.dedupKey()).isEqualTo("srv01/mysql");
        AlertReceived alert = (AlertReceived) event.alertEvent().orElseThrow();
        assertThat(alert.dedupKey()).isEqualTo("srv01/mysql");
        assertThat(alert.source()).isEqualTo("pagerduty");
        assertThat(alert.priority()).isEqualTo(Priority.P1);
        assertThat(alert.summary()).isEqualTo("DISK at 99% on machine prod-datapipe03.example.com");
        // "+0000": PagerDuty's offset without colon
        assertThat(alert.startsAt()).isEqualTo(Instant.parse("2015-07-17T08:42:58.315Z"));
        assertThat(alert.labels()).containsEntry("source", "prod-datapipe03.example.com")
                .containsEntry("component", "mysql").containsEntry("group", "prod-datapipe")
                .containsEntry("class", "disk");
        assertThat(alert.details()).containsEntry("free space", "1%").containsEntry("load avg", 0.75);
        assertThat(alert.links()).extracting(Link::href).containsExactly("https://monitoring.service.com",
                "http://pagerduty.example.com",
                "https://chart.googleapis.com/chart?chs=600x400&chd=t:6,2,9,5,2,5,7,4,8,2,1&cht=lc&chds=a&chxt=y&chm=D,0033FF,0,0,5,1");
    }

    @Test
    void givesATriggerWithoutDedupKeyAGeneratedOne() {
        PagerDutyEvent event = map("""
                {"routing_key":"k","event_action":"trigger",
                 "payload":{"summary":"s","source":"h","severity":"warning"}}""");

        assertThat(event.dedupKey()).isEqualTo("generated");
        assertThat(event.alertEvent().orElseThrow().dedupKey()).isEqualTo("generated");
    }

    @Test
    void resolvesByDedupKey() {
        PagerDutyEvent event = map(Fixtures.text("pagerduty/constructed-events-v2-resolve.json"));

        AlertResolved resolved = (AlertResolved) event.alertEvent().orElseThrow();
        assertThat(resolved.dedupKey()).isEqualTo("srv01/mysql");
        assertThat(resolved.endsAt()).isEqualTo(RECEIVED);
    }

    @Test
    void acknowledgeBecomesAlertAcknowledgedOfTheSameDedupKey() {
        PagerDutyEvent event = map(Fixtures.text("pagerduty/constructed-events-v2-acknowledge.json"));

        assertThat(event.valid()).isTrue();
        assertThat(event.action()).isEqualTo("acknowledge");
        AlertEvent.AlertAcknowledged acknowledged = (AlertEvent.AlertAcknowledged) event.alertEvent().orElseThrow();
        assertThat(acknowledged.dedupKey()).isEqualTo("srv01/mysql");
        assertThat(acknowledged.source()).isEqualTo("pagerduty");
        assertThat(acknowledged.receivedAt()).isEqualTo(RECEIVED);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"routing_key\":\"k\"}|'event_action' is missing or blank",
            "{\"event_action\":\"explode\"}|'event_action' is invalid (must be one of the following: 'trigger', 'acknowledge' or 'resolve')",
            "{\"event_action\":\"resolve\"}|'dedup_key' is missing or blank",
            "{\"event_action\":\"trigger\"}|'payload' is missing or not an object",
            "{\"event_action\":\"trigger\",\"payload\":{\"source\":\"h\",\"severity\":\"info\"}}|'payload.summary' is missing or blank",
            "{\"event_action\":\"trigger\",\"payload\":{\"summary\":\"s\",\"severity\":\"info\"}}|'payload.source' is missing or blank",
            "{\"event_action\":\"trigger\",\"payload\":{\"summary\":\"s\",\"source\":\"h\",\"severity\":\"bad\"}}|'payload.severity' is invalid (must be one of the following: 'critical', 'warning', 'error' or 'info')",
            "{\"event_action\":\"trigger\",\"payload\":{\"summary\":\"s\",\"source\":\"h\",\"severity\":\"info\",\"timestamp\":\"later\"}}|'payload.timestamp' is invalid (must be an ISO 8601 timestamp)"})
    void reportsInvalidEventsInPagerDutysWords(String body, String error) {
        PagerDutyEvent event = map(body);

        assertThat(event.valid()).isFalse();
        assertThat(event.errors()).contains(error);
    }

    private static PagerDutyEvent map(String body) {
        JsonNode tree = StrictJson.parse(body.getBytes(StandardCharsets.UTF_8), null);
        return PagerDutyMapper.map(tree, CONTEXT, () -> "generated");
    }
}
