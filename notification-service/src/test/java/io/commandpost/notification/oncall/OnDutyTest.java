package io.commandpost.notification.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.events.ShiftKind;
import io.commandpost.notification.oncall.OnDuty.Member;
import io.commandpost.notification.oncall.OnDuty.Override;
import io.commandpost.notification.oncall.OnDuty.Partner;
import io.commandpost.notification.oncall.OnDuty.Shift;
import io.commandpost.notification.oncall.OnDuty.ShiftHandover;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Payments works 09:00–18:00 Europe/Paris (08:00–17:00Z in winter) on weekdays; nights and weekends are night duty. */
class OnDutyTest {

    static final UUID MON_DAY = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID MON_NIGHT = UUID.fromString("00000000-0000-0000-0000-000000000002");
    static final UUID FRI_DAY = UUID.fromString("00000000-0000-0000-0000-000000000003");
    static final UUID WEEKEND = UUID.fromString("00000000-0000-0000-0000-000000000004");

    static Instant at(String instant) {
        return Instant.parse(instant);
    }

    static final List<Shift> SHIFTS = List.of(
            new Shift(MON_DAY, ShiftKind.MRO_DAY, "alice", at("2026-03-02T08:00:00Z"), at("2026-03-02T17:00:00Z")),
            new Shift(MON_NIGHT, ShiftKind.NIGHT_DUTY, "nina", at("2026-03-02T17:00:00Z"), at("2026-03-03T08:00:00Z")),
            new Shift(FRI_DAY, ShiftKind.MRO_DAY, "bob", at("2026-03-06T08:00:00Z"), at("2026-03-06T17:00:00Z")),
            new Shift(WEEKEND, ShiftKind.NIGHT_DUTY, "omar", at("2026-03-06T17:00:00Z"), at("2026-03-09T08:00:00Z")));

    static Optional<OnDuty.Answer> onDuty(List<ShiftHandover> handovers, List<Override> overrides, String instant) {
        return OnDuty.at("payments", SHIFTS, handovers, overrides, at(instant));
    }

    @Test
    void atTwoInTheMorningTheNightDutyPersonIsOnDutyNotTheDaysMro() {
        assertThat(onDuty(List.of(), List.of(), "2026-03-03T01:00:00Z"))
                .contains(new Member("nina", ShiftKind.NIGHT_DUTY));
        assertThat(onDuty(List.of(), List.of(), "2026-03-02T10:00:00Z")).contains(new Member("alice", ShiftKind.MRO_DAY));
    }

    @Test
    void aWeekdayOnlyTeamsWeekendIsNightDutyNotFridaysMro() {
        assertThat(onDuty(List.of(), List.of(), "2026-03-07T14:00:00Z"))
                .contains(new Member("omar", ShiftKind.NIGHT_DUTY));
    }

    @Test
    void anOverrideThatStartsMidShiftMovesPagesFromItsFirstMinuteToItsEnd() {
        List<Override> overrides = List.of(new Override(ShiftKind.MRO_DAY, "carol", "alice", at("2026-03-02T11:37:00Z"),
                at("2026-03-02T13:00:00Z"), at("2026-03-02T11:00:00Z")));
        assertThat(onDuty(List.of(), overrides, "2026-03-02T11:36:59Z")).contains(new Member("alice", ShiftKind.MRO_DAY));
        assertThat(onDuty(List.of(), overrides, "2026-03-02T11:37:00Z")).contains(new Member("carol", ShiftKind.MRO_DAY));
        assertThat(onDuty(List.of(), overrides, "2026-03-02T13:00:00Z")).contains(new Member("alice", ShiftKind.MRO_DAY));
        assertThat(onDuty(List.of(), overrides, "2026-03-02T20:00:00Z")).contains(new Member("nina", ShiftKind.NIGHT_DUTY));
    }

    @Test
    void anOverrideOfTheOtherDutyOrAnotherMemberChangesNothing() {
        List<Override> overrides = List.of(
                new Override(ShiftKind.NIGHT_DUTY, "carol", null, at("2026-03-02T00:00:00Z"), at("2026-03-03T00:00:00Z"),
                        at("2026-03-01T00:00:00Z")),
                new Override(ShiftKind.MRO_DAY, "dave", "zed", at("2026-03-02T00:00:00Z"), at("2026-03-03T00:00:00Z"),
                        at("2026-03-01T00:00:00Z")));
        assertThat(onDuty(List.of(), overrides, "2026-03-02T10:00:00Z")).contains(new Member("alice", ShiftKind.MRO_DAY));
        assertThat(onDuty(List.of(), overrides, "2026-03-02T20:00:00Z"))
                .contains(new Member(List.of("nina", "carol"), ShiftKind.NIGHT_DUTY)); // added beside nina
    }

    @Test
    void anAddOnlyOverridePutsASecondPersonOnDutyAndARemoveOnlyOneTakesTheirPersonOff() {
        // as rotation's on-call answer and GoAlert: "add" adds, "remove" removes, both replace
        List<Override> addOnly = List.of(new Override(ShiftKind.MRO_DAY, "carol", null, at("2026-03-02T10:00:00Z"),
                at("2026-03-02T12:00:00Z"), at("2026-03-01T00:00:00Z")));
        assertThat(onDuty(List.of(), addOnly, "2026-03-02T09:59:59Z")).contains(new Member("alice", ShiftKind.MRO_DAY));
        assertThat(onDuty(List.of(), addOnly, "2026-03-02T10:00:00Z"))
                .contains(new Member(List.of("alice", "carol"), ShiftKind.MRO_DAY));
        assertThat(onDuty(List.of(), addOnly, "2026-03-02T12:00:00Z")).contains(new Member("alice", ShiftKind.MRO_DAY));

        List<Override> thenReplaced = List.of(addOnly.get(0), new Override(null, "dave", "alice",
                at("2026-03-02T11:00:00Z"), at("2026-03-02T11:30:00Z"), at("2026-03-01T01:00:00Z")));
        assertThat(onDuty(List.of(), thenReplaced, "2026-03-02T11:00:00Z"))
                .contains(new Member(List.of("carol", "dave"), ShiftKind.MRO_DAY));

        List<Override> removeOnly = List.of(new Override(ShiftKind.MRO_DAY, null, "alice", at("2026-03-02T10:00:00Z"),
                at("2026-03-02T12:00:00Z"), at("2026-03-01T00:00:00Z")));
        assertThat(onDuty(List.of(), removeOnly, "2026-03-02T11:00:00Z")).isEmpty();
        assertThat(onDuty(List.of(), List.of(removeOnly.get(0), addOnly.get(0)), "2026-03-02T11:00:00Z"))
                .contains(new Member("carol", ShiftKind.MRO_DAY));
    }

    @Test
    void aHandoverWithinTheTeamMovesTheRestOfTheShiftAndAFollowTheSunHandoverPagesThePartnerUntilTheNextShift() {
        List<ShiftHandover> inTeam = List.of(new ShiftHandover(MON_DAY, "payments", "bob", at("2026-03-02T12:00:00Z")));
        assertThat(onDuty(inTeam, List.of(), "2026-03-02T11:59:00Z")).contains(new Member("alice", ShiftKind.MRO_DAY));
        assertThat(onDuty(inTeam, List.of(), "2026-03-02T12:00:00Z")).contains(new Member("bob", ShiftKind.MRO_DAY));

        List<ShiftHandover> sun = List.of(new ShiftHandover(MON_NIGHT, "payments-apac", "kenji",
                at("2026-03-02T17:05:00Z")));
        assertThat(onDuty(sun, List.of(), "2026-03-02T23:00:00Z")).contains(new Partner("payments-apac"));
        assertThat(onDuty(sun, List.of(), "2026-03-03T07:59:59Z")).contains(new Partner("payments-apac"));
        List<Shift> withTuesday = new java.util.ArrayList<>(SHIFTS);
        withTuesday.add(new Shift(UUID.randomUUID(), ShiftKind.MRO_DAY, "carol", at("2026-03-03T08:00:00Z"),
                at("2026-03-03T17:00:00Z")));
        assertThat(OnDuty.at("payments", withTuesday, sun, List.of(), at("2026-03-03T08:00:00Z")))
                .contains(new Member("carol", ShiftKind.MRO_DAY)); // this team's next shift ends the partner's turn
    }

    @Test
    void whenNoShiftCoversTheInstantNobodyIsOnDutyNotTheLastShiftsPerson() {
        assertThat(onDuty(List.of(), List.of(), "2026-03-01T10:00:00Z")).isEmpty();
        // Tuesday's shifts are not known (rotation has not published them, or nobody covers): nobody, as rotation says
        assertThat(onDuty(List.of(), List.of(), "2026-03-04T10:00:00Z")).isEmpty();
        List<ShiftHandover> sun = List.of(new ShiftHandover(MON_NIGHT, "payments-apac", "kenji",
                at("2026-03-02T17:05:00Z")));
        assertThat(onDuty(sun, List.of(), "2026-03-03T08:30:00Z")).isEmpty();
    }

    @Test
    void anOverrideActiveWhenTheShiftStartedEndsWhenItEndsNotWithTheShift() {
        // the shift is stored with whom rotation planned (omar); an override had carol on it from the start
        List<Override> overrides = List.of(new Override(ShiftKind.NIGHT_DUTY, "carol", "omar",
                at("2026-03-06T12:00:00Z"), at("2026-03-07T10:00:00Z"), at("2026-03-05T00:00:00Z")));
        assertThat(onDuty(List.of(), overrides, "2026-03-07T09:59:59Z"))
                .contains(new Member("carol", ShiftKind.NIGHT_DUTY));
        assertThat(onDuty(List.of(), overrides, "2026-03-07T10:00:00Z"))
                .contains(new Member("omar", ShiftKind.NIGHT_DUTY));
    }
}
