package io.commandpost.incident.incident.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.events.Severity;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The duration histograms as Prometheus scrapes them; fed the same rows again they count nothing twice. */
class IncidentDurationsTest {

    static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");

    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final IncidentDurations durations = new IncidentDurations(registry);

    static IncidentSummary incident(Duration toAcknowledge, Duration toResolve) {
        return new IncidentSummary(UUID.randomUUID(), "payments", "t", Severity.SEV2, "alice", T0, T0,
                toAcknowledge == null ? null : T0.plus(toAcknowledge), null,
                toResolve == null ? null : T0.plus(toResolve), 3);
    }

    @Test
    void durationsFallIntoCumulativeBuckets() {
        durations.observe(List.of(incident(Duration.ofSeconds(30), Duration.ofMinutes(4)),
                incident(Duration.ofMinutes(4), Duration.ofHours(2)), incident(Duration.ofHours(2), null)));

        String scrape = registry.scrape();
        assertThat(scrape.replace(",}", "}"))
                .contains("# TYPE commandpost_incident_time_to_acknowledge_seconds histogram")
                .contains("commandpost_incident_time_to_acknowledge_seconds_bucket{le=\"60.0\"} 1.0")
                .contains("commandpost_incident_time_to_acknowledge_seconds_bucket{le=\"300.0\"} 2.0")
                .contains("commandpost_incident_time_to_acknowledge_seconds_bucket{le=\"+Inf\"} 3.0")
                .contains("commandpost_incident_time_to_acknowledge_seconds_sum 7470.0")
                .contains("commandpost_incident_time_to_resolve_seconds_count 2.0");
    }

    @Test
    void theSameRowsFedAgainAsARebuildOrAScrapeDoesCountNothingTwice() {
        IncidentSummary open = incident(Duration.ofMinutes(2), null);
        IncidentSummary acknowledgedLater = incident(null, null);
        durations.observe(List.of(open, acknowledgedLater));
        durations.observe(List.of(open));
        IncidentSummary nowAcknowledged = new IncidentSummary(acknowledgedLater.incidentId(), "payments", "t",
                Severity.SEV2, "alice", T0, T0, T0.plus(Duration.ofMinutes(10)), null, null, 4);
        durations.observe(List.of(open, nowAcknowledged));
        durations.observe(List.of(open, nowAcknowledged));

        assertThat(registry.scrape())
                .contains("commandpost_incident_time_to_acknowledge_seconds_count 2.0")
                .contains("commandpost_incident_time_to_acknowledge_seconds_sum 720.0")
                .contains("commandpost_incident_time_to_resolve_seconds_count 0.0");
    }
}
