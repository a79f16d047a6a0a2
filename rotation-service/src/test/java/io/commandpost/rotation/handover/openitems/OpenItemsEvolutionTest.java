package io.commandpost.rotation.handover.openitems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commandpost.events.AlertEvent;
import io.commandpost.events.DomainEvent;
import io.commandpost.events.IncidentEvent;
import io.commandpost.events.Priority;
import io.commandpost.events.QuestionEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OpenItemsEvolutionTest {

    static final Instant T0 = Instant.parse("2025-03-03T10:00:00Z");

    static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    static AlertEvent.AlertReceived fired(String team, String key, int startsAt) {
        return new AlertEvent.AlertReceived(team, "prom", "alertmanager", key, Priority.P2, "summary", Map.of(),
                Map.of(), List.of(), at(startsAt), at(startsAt));
    }

    static AlertEvent.AlertResolved resolved(String team, String key, int endsAt) {
        return new AlertEvent.AlertResolved(team, "prom", "alertmanager", key, at(endsAt), at(endsAt));
    }

    static Optional<OpenItem> fold(DomainEvent... events) {
        Optional<OpenItem> item = Optional.empty();
        for (DomainEvent event : events) {
            item = OpenItemsEvolution.evolve(item, event);
        }
        return item;
    }

    @Test
    void anAlertIsOpenUntilResolved() {
        assertThat(fold(fired("payments", "db-down", 0)).orElseThrow().open()).isTrue();
        OpenItem resolvedItem = fold(fired("payments", "db-down", 0), resolved("payments", "db-down", 5)).orElseThrow();
        assertThat(resolvedItem.open()).isFalse();
        assertThat(resolvedItem.closedAt()).isEqualTo(at(5));
        assertThat(resolvedItem.reference()).isEqualTo("alert:db-down");
    }

    @Test
    void aLateCopyOfAResolvedFiringStaysClosedButARefireReopens() {
        assertThat(fold(fired("p", "k", 0), resolved("p", "k", 5), fired("p", "k", 0)).orElseThrow().open()).isFalse();
        OpenItem refired = fold(fired("p", "k", 0), resolved("p", "k", 5), fired("p", "k", 9)).orElseThrow();
        assertThat(refired.open()).isTrue();
        assertThat(refired.openedAt()).isEqualTo(at(9));
    }

    @Test
    void aResolveBeforeAnyFiringIsKeptClosed() {
        assertThat(fold(resolved("p", "k", 5)).orElseThrow().open()).isFalse();
        assertThat(fold(resolved("p", "k", 5), fired("p", "k", 3)).orElseThrow().open()).isFalse();
    }

    @Test
    void questionsAndIncidentsOpenOnceAndStayOpen() {
        UUID question = UUID.randomUUID();
        QuestionEvent.QuestionAsked asked = new QuestionEvent.QuestionAsked(question, "p", "api", "bob", "how?", null,
                at(1));
        OpenItem item = fold(asked, asked).orElseThrow();
        assertThat(item.open()).isTrue();
        assertThat(item.reference()).isEqualTo("question:" + question);
        UUID incident = UUID.randomUUID();
        OpenItem declared = fold(new IncidentEvent.IncidentDeclared(incident, "p", "outage", Priority.P1, "alice",
                at(2))).orElseThrow();
        assertThat(declared.reference()).isEqualTo("incident:" + incident);
        assertThat(declared.openedAt()).isEqualTo(at(2));
    }

    @Test
    void eventsOfOtherTypesAreIgnoredAndAnAlertWithoutTeamIsRejected() {
        assertThat(OpenItemsEvolution.keyOf(new IncidentEvent.IncidentCommanderAssigned(UUID.randomUUID(), "a", "b",
                T0))).isEmpty();
        assertThatThrownBy(() -> OpenItemsEvolution.keyOf(fired(null, "k", 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
