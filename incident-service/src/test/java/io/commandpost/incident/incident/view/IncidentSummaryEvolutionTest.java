package io.commandpost.incident.incident.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.events.IncidentEvent;
import io.commandpost.events.Priority;
import io.commandpost.events.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IncidentSummaryEvolutionTest {

    static final Instant T0 = Instant.parse("2026-03-29T07:00:00Z");
    static final UUID ID = UUID.fromString("00000000-0000-4000-8000-00000000000a");

    static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    final List<IncidentEvent> events = List.of(
            new IncidentEvent.IncidentDeclared(ID, "payments", "Checkout down", Priority.P2, "alice", at(0),
                    Severity.SEV2, List.of("db-down"), null, at(-12)),
            new IncidentEvent.IncidentCommanderAssigned(ID, "alice", "alice", at(0)),
            new IncidentEvent.IncidentAcknowledged(ID, "payments", "alice", at(3)),
            new IncidentEvent.IncidentSeverityChanged(ID, "payments", Severity.SEV2, Severity.SEV1, "alice", null,
                    at(5)),
            new IncidentEvent.IncidentResolved(ID, "payments", "alice", null, at(78)));

    Optional<IncidentSummary> fold(List<IncidentEvent> applied, long... versions) {
        Optional<IncidentSummary> summary = Optional.empty();
        for (int i = 0; i < applied.size(); i++) {
            summary = IncidentSummaryEvolution.evolve(summary, applied.get(i), versions[i]);
        }
        return summary;
    }

    @Test
    void aSummaryFollowsTheMilestonesAndMeasuresFromTheImpactStart() {
        IncidentSummary summary = fold(events, 1, 2, 3, 4, 5).orElseThrow();

        assertThat(summary.severity()).isEqualTo(Severity.SEV1);
        assertThat(summary.status()).isEqualTo("RESOLVED");
        assertThat(summary.timeToAcknowledge()).isEqualTo(Duration.ofMinutes(15));
        assertThat(summary.timeToResolve()).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void anEventNotNewerThanTheSummaryChangesNothing() {
        List<IncidentEvent> replayed = List.of(events.get(0), events.get(1), events.get(4), events.get(1));
        IncidentSummary summary = fold(replayed, 1, 2, 5, 2).orElseThrow();

        assertThat(summary.version()).isEqualTo(5);
        assertThat(summary.resolvedAt()).isEqualTo(at(78));
    }

    @Test
    void aDeclarationWithoutSeverityTakesItFromItsPriority() {
        IncidentSummary summary = fold(List.of(new IncidentEvent.IncidentDeclared(ID, "payments", "old", Priority.P2,
                "alice", at(0))), 1).orElseThrow();

        assertThat(summary.severity()).isEqualTo(Severity.SEV2);
    }
}
