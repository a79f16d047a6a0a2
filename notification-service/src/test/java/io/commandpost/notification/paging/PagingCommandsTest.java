package io.commandpost.notification.paging;

import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.events.AlertEvent;
import io.commandpost.events.lifecycle.AlertChange;
import io.commandpost.events.lifecycle.AlertState;
import io.commandpost.events.lifecycle.AlertStatus;
import io.commandpost.notification.escalation.EscalationCommand;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What each change of the shared lifecycle tells the alert's escalation. */
class PagingCommandsTest {

    static final Instant T0 = Instant.parse("2026-03-03T02:00:00Z");
    static final AlertState STATE = new AlertState("payments", "db", AlertStatus.OPEN, 2, T0, T0, 1, null, null, T0,
            "alice", null, "tool:prom", 0, T0, "bob");
    static final AlertEvent ANY = new AlertEvent.AlertUnacknowledgedBy("payments", "db", "carol", "api", T0);

    @Test
    void openingsStartTheOccurrencesEscalationAndPeoplesActsStopOrMoveIt() {
        assertThat(PagingConsumer.command(AlertChange.OPENED, STATE, ANY, "g/r"))
                .contains(new EscalationCommand.Open("payments", "db", 2, "g/r"));
        assertThat(PagingConsumer.command(AlertChange.REOPENED, STATE, ANY, null))
                .contains(new EscalationCommand.Open("payments", "db", 2));
        assertThat(PagingConsumer.command(AlertChange.ACKNOWLEDGED, STATE, ANY, null))
                .contains(new EscalationCommand.Acknowledge("alice"));
        assertThat(PagingConsumer.command(AlertChange.UNACKNOWLEDGED, STATE, ANY, null))
                .contains(new EscalationCommand.Unacknowledge("carol"));
        assertThat(PagingConsumer.command(AlertChange.RESOLVED, STATE, ANY, null))
                .contains(new EscalationCommand.Resolve("tool:prom"));
        assertThat(PagingConsumer.command(AlertChange.ESCALATED, STATE, ANY, null))
                .contains(new EscalationCommand.EscalateNow("bob"));
    }

    @Test
    void repeatsLateCopiesNotesAndActsWithoutEffectTellItNothing() {
        for (AlertChange change : new AlertChange[] {AlertChange.REPEATED, AlertChange.LATE_COPY, AlertChange.NOTED,
                AlertChange.NO_EFFECT}) {
            assertThat(PagingConsumer.command(change, STATE, ANY, null)).as("%s", change).isEqualTo(Optional.empty());
        }
    }
}
