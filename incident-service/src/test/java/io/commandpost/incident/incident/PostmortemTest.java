package io.commandpost.incident.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.events.IncidentEvent;
import io.commandpost.events.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PostmortemTest {

    static final Instant T0 = Instant.parse("2026-03-29T07:00:00Z");
    static final UUID INCIDENT = UUID.fromString("00000000-0000-4000-8000-00000000000a");
    static final UUID TASK = UUID.fromString("00000000-0000-4000-8000-00000000000b");

    final IncidentDecider decider = new IncidentDecider(IncidentPolicy.defaults());

    @Test
    void durationsAreMeasuredFromTheImpactStartAndEverySectionIsThere() {
        List<IncidentEvent> events = new ArrayList<>();
        Incident[] state = {decider.initial()};
        java.util.function.BiConsumer<IncidentCommand, Integer> run = (command, minute) -> {
            List<IncidentEvent> decided = decider.decide(command, state[0], T0.plus(Duration.ofMinutes(minute)));
            for (IncidentEvent event : decided) {
                state[0] = decider.evolve(state[0], event);
            }
            events.addAll(decided);
        };
        run.accept(new IncidentCommand.Declare(INCIDENT, "payments", "Checkout errors", Severity.SEV1,
                List.of("db-down", "latency"), null, T0.minus(Duration.ofMinutes(12)), "alice"), 0);
        run.accept(new IncidentCommand.Acknowledge("alice"), 3);
        run.accept(new IncidentCommand.DelegateTask(TASK, "Roll back | release 42", "bob", null, "alice"), 4);
        run.accept(new IncidentCommand.CompleteTask(TASK, "bob"), 20);
        run.accept(new IncidentCommand.Mitigate("rolled back", "alice"), 23);
        run.accept(new IncidentCommand.Resolve("bad release", "alice"), 78);

        Postmortem.Durations durations = Postmortem.Durations.of(state[0]);
        assertThat(durations).isEqualTo(new Postmortem.Durations(Duration.ofMinutes(15), Duration.ofMinutes(12),
                Duration.ofMinutes(35), Duration.ofMinutes(90)));

        String md = Postmortem.markdown(state[0], events);
        assertThat(md)
                .startsWith("# Postmortem: Checkout errors\n")
                .contains("## Summary", "- Severity: SEV1", "- Resolution: bad release")
                .contains("## Impact window", "- Impact began: 2026-03-29T06:48:00Z", "- Impact lasted: 35m 00s")
                .contains("| acknowledge | 2026-03-29T07:03:00Z | 15m 00s |")
                .contains("| declare | 2026-03-29T07:00:00Z | 12m 00s |")
                .contains("| mitigate | 2026-03-29T07:23:00Z | 35m 00s |")
                .contains("| resolve | 2026-03-29T08:18:00Z | 1h 30m 00s |")
                .contains("| Incident Commander | alice | 2026-03-29T07:00:00Z | 2026-03-29T08:18:00Z | alice |")
                .contains("| Roll back \\| release 42 | bob | 2026-03-29T08:04:00Z | done | bob | 2026-03-29T07:20:00Z |")
                .contains("## Linked alerts", "- `db-down`", "- `latency`")
                .contains("## Timeline", "Declared SEV1 'Checkout errors' from alerts db-down, latency", "| alice | Mitigated: rolled back |");
    }

    @Test
    void humanDurations() {
        assertThat(Postmortem.human(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(Postmortem.human(Duration.ofSeconds(750))).isEqualTo("12m 30s");
        assertThat(Postmortem.human(Duration.ofSeconds(3_900))).isEqualTo("1h 05m 00s");
    }
}
