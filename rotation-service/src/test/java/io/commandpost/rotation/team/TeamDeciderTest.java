package io.commandpost.rotation.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commandpost.events.TeamEvent;
import io.commandpost.platform.domain.InvalidCommandException;
import io.commandpost.platform.domain.RuleViolationException;
import io.commandpost.rotation.team.TeamCommand.CreateTeam;
import io.commandpost.rotation.team.TeamCommand.NewMember;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TeamDeciderTest {

    private static final Instant NOW = Instant.parse("2025-01-06T09:30:00Z");
    private static final List<NewMember> ALICE_BOB = List.of(
            new NewMember("alice", "Alice", "alice@example.com", "U1", null),
            new NewMember("bob", "Bob", "bob@example.com", "U2", "America/New_York", List.of()));

    private static CreateTeam create(String zone, String handoff, List<NewMember> members, List<String> rotation) {
        return new CreateTeam("payments", "Payments", zone, handoff, members, rotation);
    }

    @Test
    void createsATeamWithDefaultHandoffRotationAndMemberZones() {
        List<TeamEvent> events = TeamDecider.decide(create("Europe/Paris", null, ALICE_BOB, null), Team.NONE, NOW);

        assertThat(events).containsExactly(new TeamEvent.TeamCreated("payments", "Payments", "Europe/Paris",
                List.of(new TeamEvent.Member("alice", "Alice", "alice@example.com", "U1", "Europe/Paris", List.of()),
                        new TeamEvent.Member("bob", "Bob", "bob@example.com", "U2", "America/New_York", List.of())),
                List.of("alice", "bob"), "09:00", NOW));
    }

    @Test
    void keepsAnExplicitRotationOrder() {
        var created = (TeamEvent.TeamCreated) TeamDecider.decide(
                create("Europe/Paris", "08:30", ALICE_BOB, List.of("bob", "alice")), Team.NONE, NOW).get(0);
        assertThat(created.rotation()).containsExactly("bob", "alice");
        assertThat(created.handoffTime()).isEqualTo("08:30");
    }

    @Test
    void rejectsATeamThatAlreadyExists() {
        Team existing = Team.evolve(Team.NONE,
                TeamDecider.decide(create("Europe/Paris", null, ALICE_BOB, null), Team.NONE, NOW).get(0));
        assertThatThrownBy(() -> TeamDecider.decide(create("Europe/Paris", null, ALICE_BOB, null), existing, NOW))
                .isInstanceOf(RuleViolationException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown zone                | Mars/Olympus     | 09:00 | alice,bob  | timeZone",
            "offset is not an IANA zone  | +02:00           | 09:00 | alice,bob  | timeZone",
            "handoff out of range        | Europe/Paris     | 24:00 | alice,bob  | handoffTime",
            "handoff not HH:mm           | Europe/Paris     | 9am   | alice,bob  | handoffTime",
            "rotation names a stranger   | Europe/Paris     | 09:00 | alice,eve  | rotation.1",
            "member twice in rotation    | Europe/Paris     | 09:00 | alice,alice| rotation.1",
    })
    void rejectsBadInputNamingTheField(String why, String zone, String handoff, String rotation, String field) {
        CreateTeam command = create(zone, handoff, ALICE_BOB, List.of(rotation.split(",")));
        assertThatThrownBy(() -> TeamDecider.decide(command, Team.NONE, NOW))
                .isInstanceOfSatisfying(InvalidCommandException.class,
                        e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void rejectsEmptyMembersAndDuplicateHandles() {
        assertThatThrownBy(() -> TeamDecider.decide(create("Europe/Paris", null, List.of(), null), Team.NONE, NOW))
                .isInstanceOfSatisfying(InvalidCommandException.class,
                        e -> assertThat(e.field()).isEqualTo("members"));
        List<NewMember> twice = List.of(ALICE_BOB.get(0), ALICE_BOB.get(0));
        assertThatThrownBy(() -> TeamDecider.decide(create("Europe/Paris", null, twice, null), Team.NONE, NOW))
                .isInstanceOfSatisfying(InvalidCommandException.class,
                        e -> assertThat(e.field()).isEqualTo("members.1.handle"));
    }
}
