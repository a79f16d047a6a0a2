package io.commandpost.notification.support;

import io.commandpost.events.AlertEvent;
import io.commandpost.events.DomainEvent;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.Link;
import io.commandpost.events.Priority;
import io.commandpost.events.ShiftEvent;
import io.commandpost.events.ShiftKind;
import io.commandpost.events.TeamEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Envelopes as the other services would publish them. */
public final class TestEvents {

    public static final Instant T0 = Instant.parse("2025-03-03T08:00:00Z");

    private TestEvents() {
    }

    public static EventEnvelope envelope(DomainEvent event, long version) {
        return EventEnvelope.wrap(event, version, T0, UUID.randomUUID(), UUID.randomUUID(), null, "test");
    }

    public static TeamEvent.TeamCreated teamCreated(String team, String... handles) {
        List<TeamEvent.Member> members = java.util.Arrays.stream(handles)
                .map(h -> new TeamEvent.Member(h, capitalized(h), h + "@example.com", "U-" + h, "Europe/Paris", List.of()))
                .toList();
        return new TeamEvent.TeamCreated(team, capitalized(team), "Europe/Paris", members, List.of(handles),
                "09:00", T0);
    }

    public static ShiftEvent.ShiftStarted mroShift(String team, String member, Instant startsAt) {
        return shift(team, member, ShiftKind.MRO_DAY, startsAt);
    }

    /**
     * A shift open until the next one starts (no end): tests page at the real now, long after {@code T0}, and
     * nobody is on duty when no shift covers the instant. {@code OnDutyTest} covers shifts with ends.
     */
    public static ShiftEvent.ShiftStarted shift(String team, String member, ShiftKind kind, Instant startsAt) {
        return new ShiftEvent.ShiftStarted(team, UUID.randomUUID(), kind, member, startsAt,
                null, null, null, false, startsAt);
    }

    /** The MRO_DAY shift that follows a handover (its overnight digest). */
    public static ShiftEvent.ShiftStarted mroShiftAfter(String team, String member, Instant startsAt,
                                                        UUID previousShiftId, UUID previousHandoverId) {
        return new ShiftEvent.ShiftStarted(team, UUID.randomUUID(), ShiftKind.MRO_DAY, member, startsAt,
                startsAt.plus(Duration.ofDays(1)), previousShiftId, previousHandoverId, false, startsAt);
    }

    public static ShiftEvent.ShiftHandedOver handedOver(String team, UUID shiftId, String from, String to,
                                                        String notes, List<String> openItems) {
        return new ShiftEvent.ShiftHandedOver(team, shiftId, UUID.randomUUID(), from, team, to, notes, openItems,
                T0.plus(Duration.ofHours(10)), T0.plus(Duration.ofHours(9)));
    }

    public static ShiftEvent.HandoverAcceptanceOverdue overdue(ShiftEvent.ShiftHandedOver handover) {
        return new ShiftEvent.HandoverAcceptanceOverdue(handover.teamId(), handover.handoverId(), handover.toTeamId(),
                handover.toMember(), handover.acceptBy(), handover.acceptBy().plusSeconds(60));
    }

    public static ShiftEvent.RestRuleApplied restRule(String team, String skipped, String covering, String reason) {
        return new ShiftEvent.RestRuleApplied(team, java.time.LocalDate.of(2025, 3, 4), skipped, covering, reason,
                null, T0.plus(Duration.ofDays(1)));
    }

    public static TeamEvent.Member member(String handle, String displayName, String slackUserId,
                                          List<String> skills) {
        return new TeamEvent.Member(handle, displayName, handle + "@example.com", slackUserId, "Europe/Paris", skills);
    }

    public static AlertEvent.AlertReceived alert(String team, String dedupKey) {
        return new AlertEvent.AlertReceived(team, "int-1", "alertmanager", dedupKey, Priority.P1,
                "disk full on db-1", Map.of("instance", "db-1"), Map.of("alertname", "DiskFull"),
                List.of(new Link("https://runbooks.example.com/disk", "runbook")), T0, T0.plusSeconds(5));
    }

    public static AlertEvent.AlertResolved resolved(String team, String dedupKey) {
        return new AlertEvent.AlertResolved(team, "int-1", "alertmanager", dedupKey, T0.plusSeconds(600),
                T0.plusSeconds(605));
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
