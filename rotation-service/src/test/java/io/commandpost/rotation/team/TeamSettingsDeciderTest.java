package io.commandpost.rotation.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commandpost.events.TeamEvent;
import io.commandpost.platform.domain.InvalidCommandException;
import io.commandpost.platform.domain.RuleViolationException;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TeamSettingsDeciderTest {

    private static final Instant NOW = Instant.parse("2025-01-06T09:30:00Z");
    private static final Team PAYMENTS = Team.evolve(Team.NONE, new TeamEvent.TeamCreated("payments", "Payments",
            "Europe/Paris", List.of(new TeamEvent.Member("alice", "Alice", null, null, "Europe/Paris", List.of()),
            new TeamEvent.Member("bob", "Bob", null, null, "Europe/Paris", List.of()),
            new TeamEvent.Member("carol", "Carol", null, null, "Europe/Paris", List.of())),
            List.of("alice", "bob", "carol"), "09:00", Instant.parse("2025-01-01T09:00:00Z")));

    private static Team given(Team team, TeamCommand command) {
        return Team.evolve(team, TeamDecider.decide(command, team, NOW).get(0));
    }

    private static String fieldOf(Throwable e) {
        return ((InvalidCommandException) e).field();
    }

    @Test
    void givenAnOverrideForBob_whenAnotherOverlapsItForBob_thenConflict() {
        Team team = given(PAYMENTS, new TeamCommand.RecordOverride("payments", UUID.randomUUID(), "MRO_DAY", "bob",
                "alice", NOW, NOW.plusSeconds(3600), "lead"));

        assertThatThrownBy(() -> TeamDecider.decide(new TeamCommand.RecordOverride("payments", UUID.randomUUID(),
                "MRO_DAY", "bob", null, NOW.plusSeconds(1800), NOW.plusSeconds(7200), "lead"), team, NOW))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("start"));
        // another duty, or the same duty afterwards, is fine
        assertThat(TeamDecider.decide(new TeamCommand.RecordOverride("payments", UUID.randomUUID(), "NIGHT_DUTY", "bob",
                null, NOW.plusSeconds(1800), NOW.plusSeconds(7200), "lead"), team, NOW)).hasSize(1);
        assertThat(TeamDecider.decide(new TeamCommand.RecordOverride("payments", UUID.randomUUID(), "MRO_DAY", "bob",
                null, NOW.plusSeconds(3600), NOW.plusSeconds(7200), "lead"), team, NOW)).hasSize(1);
    }

    @Test
    void givenLeaveForBob_whenMoreLeaveOverlapsIt_thenConflictNamingFrom_andAnotherMembersLeaveIsFine() {
        Team team = given(PAYMENTS, new TeamCommand.RecordLeave("payments", UUID.randomUUID(), "bob",
                NOW.plusSeconds(86_400), NOW.plusSeconds(3 * 86_400), "holiday"));

        assertThatThrownBy(() -> TeamDecider.decide(new TeamCommand.RecordLeave("payments", UUID.randomUUID(), "bob",
                NOW.plusSeconds(2 * 86_400), NOW.plusSeconds(4 * 86_400), "more"), team, NOW))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("from"));
        assertThat(TeamDecider.decide(new TeamCommand.RecordLeave("payments", UUID.randomUUID(), "carol",
                NOW.plusSeconds(2 * 86_400), NOW.plusSeconds(4 * 86_400), "holiday"), team, NOW)).hasSize(1);
    }

    @Test
    void rejectsBadConfigurationNamingTheField() {
        assertThatThrownBy(() -> TeamDecider.decide(new TeamCommand.ConfigureMroRotation("payments", List.of(), null,
                null, null, null, null), PAYMENTS, NOW)).satisfies(e -> assertThat(fieldOf(e)).isEqualTo("rotation"));
        assertThatThrownBy(() -> TeamDecider.decide(new TeamCommand.ConfigureMroRotation("payments",
                List.of("alice", "alice"), null, null, null, null, null), PAYMENTS, NOW))
                .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("rotation.1"));
        assertThatThrownBy(() -> TeamDecider.decide(new TeamCommand.ConfigureMroRotation("payments",
                List.of("alice"), "25:00", null, null, null, null), PAYMENTS, NOW))
                .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("handoffTime"));
        assertThatThrownBy(() -> TeamDecider.decide(new TeamCommand.ConfigureMroRotation("payments",
                List.of("alice"), null, "SOMETIMES", null, null, null), PAYMENTS, NOW))
                .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("coverage"));
        assertThatThrownBy(() -> TeamDecider.decide(new TeamCommand.ConfigureMroRotation("payments",
                List.of("alice"), null, null, "18:00", "09:00", null), PAYMENTS, NOW))
                .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("workdayEnd"));
        assertThatThrownBy(() -> TeamDecider.decide(new TeamCommand.ConfigureMroRotation("payments",
                List.of("alice"), null, null, null, null, NOW.minusSeconds(1)), PAYMENTS, NOW))
                .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("effectiveFrom"));
        assertThatThrownBy(() -> TeamDecider.decide(new TeamCommand.ConfigureNightDuty("payments", List.of("eve"),
                "DAILY", null), PAYMENTS, NOW)).satisfies(e -> assertThat(fieldOf(e)).isEqualTo("rotation.0"));
        assertThatThrownBy(() -> TeamDecider.decide(new TeamCommand.RecordLeave("payments", UUID.randomUUID(), "bob",
                NOW, NOW.minusSeconds(1), null), PAYMENTS, NOW)).satisfies(e -> assertThat(fieldOf(e)).isEqualTo("to"));
        assertThatThrownBy(() -> TeamDecider.decide(new TeamCommand.SetPartnerTeam("payments", "payments", true),
                PAYMENTS, NOW)).satisfies(e -> assertThat(fieldOf(e)).isEqualTo("partnerTeamId"));
    }

    @Test
    void configurationIsDatedMembersKeepSkillsAndLeaveCanBeCancelled() {
        Team team = given(PAYMENTS, new TeamCommand.AddMember("payments",
                new TeamCommand.NewMember("dave", null, null, null, null, List.of("postgres", "kafka"))));
        team = given(team, new TeamCommand.ConfigureMroRotation("payments", List.of("dave", "alice"), "10:00",
                "WEEKDAYS", "10:00", "17:00", NOW.plusSeconds(86_400)));
        UUID leave = UUID.randomUUID();
        team = given(team, new TeamCommand.RecordLeave("payments", leave, "alice", NOW.plusSeconds(86_400),
                NOW.plusSeconds(3 * 86_400), "holiday"));
        team = given(team, new TeamCommand.CancelLeave("payments", leave));

        assertThat(team.member("dave").orElseThrow().skills()).containsExactly("postgres", "kafka");
        assertThat(team.mroSettings()).hasSize(2);
        assertThat(team.rotation()).containsExactly("dave", "alice");
        assertThat(team.handoffTime()).isEqualTo(LocalTime.of(10, 0));
        assertThat(team.leave(leave).orElseThrow().cancelledAt()).isEqualTo(NOW);
        Team cancelled = team;
        assertThatThrownBy(() -> TeamDecider.decide(new TeamCommand.CancelLeave("payments", leave), cancelled, NOW))
                .isInstanceOf(RuleViolationException.class);
    }

    private static Team folded(Team team, List<TeamEvent> events) {
        for (TeamEvent event : events) {
            team = Team.evolve(team, event);
        }
        return team;
    }

    private static final java.time.LocalDate MONDAY = java.time.LocalDate.parse("2025-01-06");

    @Test
    void givenAPattern_whenTheRotationsMembersOrNightDutyChange_thenItIsDroppedWithAReason_andAHandoffMoveKeepsIt() {
        Team team = given(PAYMENTS, new TeamCommand.AdoptPattern("payments", MONDAY,
                java.util.Arrays.asList("alice", "bob", "carol", null)));
        assertThat(team.pattern().orElseThrow().cycle()).containsExactly("alice", "bob", "carol", null);

        // only the handoff moves: same members, same covered days
        Team moved = folded(team, TeamDecider.decide(new TeamCommand.ConfigureMroRotation("payments",
                List.of("carol", "bob", "alice"), "10:00", null, null, null, null), team, NOW));
        assertThat(moved.pattern()).isPresent();

        Instant later = NOW.plusSeconds(2 * 86_400);
        List<TeamEvent> shrunk = TeamDecider.decide(new TeamCommand.ConfigureMroRotation("payments",
                List.of("alice", "bob"), null, null, null, null, later), team, NOW);
        assertThat(shrunk).hasSize(2);
        assertThat(shrunk.get(1)).isEqualTo(new TeamEvent.PatternDropped("payments",
                "the MRO rotation changed (members or covered days)", later, NOW));
        assertThat(folded(team, shrunk).pattern()).isEmpty();
        assertThat(folded(team, shrunk).patterns().get(0).droppedFrom()).isEqualTo(later);

        List<TeamEvent> nights = TeamDecider.decide(new TeamCommand.ConfigureNightDuty("payments",
                List.of("alice", "bob"), "WEEKLY", null), team, NOW);
        assertThat(nights.get(1)).isEqualTo(new TeamEvent.PatternDropped("payments", "night duty changed", NOW, NOW));
        // without a pattern a change drops nothing
        assertThat(TeamDecider.decide(new TeamCommand.ConfigureNightDuty("payments", List.of("alice", "bob"),
                "WEEKLY", null), PAYMENTS, NOW)).hasSize(1);
    }

    @Test
    void aPatternNamesOnlyMembersOfTheRotation_andOnlyAnAdoptedOneCanBeDropped() {
        Team team = given(PAYMENTS, new TeamCommand.AddMember("payments",
                new TeamCommand.NewMember("dave", null, null, null, null)));

        assertThatThrownBy(() -> TeamDecider.decide(new TeamCommand.AdoptPattern("payments", MONDAY,
                List.of("alice", "eve")), team, NOW)).satisfies(e -> assertThat(fieldOf(e)).isEqualTo("cycle.1"));
        assertThatThrownBy(() -> TeamDecider.decide(new TeamCommand.AdoptPattern("payments", MONDAY,
                List.of("dave")), team, NOW)).satisfies(e -> assertThat(fieldOf(e)).isEqualTo("cycle.0"))
                .hasMessageContaining("not in the MRO rotation");
        assertThatThrownBy(() -> TeamDecider.decide(new TeamCommand.AdoptPattern("payments", null,
                List.of("alice")), team, NOW)).satisfies(e -> assertThat(fieldOf(e)).isEqualTo("startsOn"));
        assertThatThrownBy(() -> TeamDecider.decide(new TeamCommand.AdoptPattern("payments", MONDAY,
                List.of()), team, NOW)).satisfies(e -> assertThat(fieldOf(e)).isEqualTo("cycle"));
        assertThatThrownBy(() -> TeamDecider.decide(new TeamCommand.AdoptPattern("payments", MONDAY,
                java.util.Arrays.asList(null, null)), team, NOW))
                .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("cycle"));
        assertThatThrownBy(() -> TeamDecider.decide(new TeamCommand.DropPattern("payments"), team, NOW))
                .isInstanceOf(RuleViolationException.class);

        Team adopted = given(team, new TeamCommand.AdoptPattern("payments", MONDAY, List.of("bob", "alice")));
        Team dropped = given(adopted, new TeamCommand.DropPattern("payments"));
        assertThat(dropped.pattern()).isEmpty();
        assertThat(dropped.patterns().get(0).droppedReason()).isEqualTo("dropped by an admin");
        // adopting another one replaces the first
        Team twice = given(given(adopted, new TeamCommand.AdoptPattern("payments", MONDAY, List.of("carol"))),
                new TeamCommand.AddMember("payments", new TeamCommand.NewMember("eve", null, null, null, null)));
        assertThat(twice.patterns()).hasSize(2);
        assertThat(twice.pattern().orElseThrow().cycle()).containsExactly("carol");
    }
}
