package io.commandpost.incident.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.events.ShiftEvent;
import io.commandpost.events.ShiftKind;
import io.commandpost.events.TeamEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TeamDirectoryTest {

    static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");

    static TeamEvent.Member member(String handle, String... skills) {
        return new TeamEvent.Member(handle, handle.toUpperCase(), handle + "@example.com", null, null,
                List.of(skills));
    }

    @Test
    void aCreatedTeamDescribesEveryMemberAndAnUpdateReplacesTheSkills() {
        TeamEvent.TeamCreated created = new TeamEvent.TeamCreated("payments", "Payments", "Europe/Paris",
                List.of(member("ana", "postgres"), member("ben")), List.of("ana", "ben"), "09:00", T0);
        assertThat(TeamDirectory.membersOf(created)).containsExactly(
                new DirectoryMember("payments", "ana", "ANA", List.of("postgres")),
                new DirectoryMember("payments", "ben", "BEN", List.of()));
        assertThat(TeamDirectory.membersOf(new TeamEvent.MemberUpdated("payments", member("ben", "kafka"), T0)))
                .containsExactly(new DirectoryMember("payments", "ben", "BEN", List.of("kafka")));
        assertThat(TeamDirectory.membersOf(new TeamEvent.PartnerTeamSet("payments", "ops", T0))).isEmpty();
    }

    @Test
    void theLatestShiftWinsWhateverTheOrderTheyArriveIn() {
        ShiftEvent.ShiftStarted monday = started("ana", T0);
        ShiftEvent.ShiftStarted tuesday = started("ben", T0.plus(Duration.ofDays(1)));
        OnDuty inOrder = TeamDirectory.latest(Optional.of(TeamDirectory.latest(Optional.empty(), monday)), tuesday);
        OnDuty reversed = TeamDirectory.latest(Optional.of(TeamDirectory.latest(Optional.empty(), tuesday)), monday);
        assertThat(inOrder).isEqualTo(reversed);
        assertThat(inOrder.member()).isEqualTo("ben");
    }

    @Test
    void expertsHaveTheSkillNeverIncludeTheCommanderAndPutTheTeamThenWhoIsOnDutyFirst() {
        List<DirectoryMember> members = List.of(
                new DirectoryMember("dba", "dora", null, List.of("Postgres")),
                new DirectoryMember("payments", "alice", null, List.of("postgres")),
                new DirectoryMember("payments", "bob", null, List.of("postgres", "kafka")),
                new DirectoryMember("payments", "carol", null, List.of(" postgres ")),
                new DirectoryMember("payments", "dan", null, List.of("kafka")));
        List<OnDuty> duties = List.of(
                new OnDuty("payments", "MRO_DAY", "carol", T0, T0.plus(Duration.ofDays(1))),
                new OnDuty("payments", "NIGHT_DUTY", "bob", T0.minus(Duration.ofDays(2)), T0.minus(Duration.ofDays(1))));

        List<Expert> experts = TeamDirectory.experts(members, duties, "POSTGRES", "payments", Set.of("alice"),
                T0.plus(Duration.ofHours(1)));

        assertThat(experts).extracting(Expert::handle).containsExactly("carol", "bob", "dora");
        assertThat(experts).extracting(Expert::onDuty)
                .containsExactly(List.of("MRO_DAY"), List.of(), List.of()); // bob's night duty has ended
    }

    private static ShiftEvent.ShiftStarted started(String member, Instant startsAt) {
        return new ShiftEvent.ShiftStarted("payments", UUID.randomUUID(), ShiftKind.MRO_DAY, member, startsAt,
                startsAt.plus(Duration.ofDays(1)), null, null, false, startsAt);
    }
}
