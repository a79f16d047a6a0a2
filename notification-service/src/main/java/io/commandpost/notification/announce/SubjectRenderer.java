package io.commandpost.notification.announce;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.commandpost.events.EventJson;
import io.commandpost.events.ShiftEvent;
import io.commandpost.notification.delivery.Notification;
import io.commandpost.notification.delivery.Resolution;
import io.commandpost.notification.oncall.Handover;
import io.commandpost.notification.oncall.OnCallLookup;
import io.commandpost.notification.oncall.Recipient;
import io.commandpost.notification.digest.Digest;
import io.commandpost.notification.digest.DigestLookup;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Renders a reminder or announcement from its source event and the on-call projection. While the
 * projection lacks a fact the text quotes (a member, the team, the previous handover) it waits; once
 * the grace period is over it renders with what is known (handles instead of names).
 */
public final class SubjectRenderer {

    static final String ACCEPTED = "handover already accepted";

    private SubjectRenderer() {
    }

    /** Without the digest projection: the morning message carries no digest and names nobody resting. */
    public static Resolution render(Notification n, OnCallLookup lookup, boolean graceOver) {
        return render(n, lookup, null, Duration.ZERO, graceOver);
    }

    /**
     * @param digests  the digest projection, or null to leave the digest out
     * @param lookBack how far before the shift's start the overnight digest looks
     */
    public static Resolution render(Notification n, OnCallLookup lookup, DigestLookup digests, Duration lookBack,
                                    boolean graceOver) {
        String type = n.subjectType();
        if (Subjects.SHIFT.equals(type)) {
            return shift(read(n, ShiftEvent.ShiftStarted.class), lookup, digests, lookBack, graceOver);
        }
        if (Subjects.REST_RULE.equals(type)) {
            return restRule(read(n, ShiftEvent.RestRuleApplied.class), lookup, graceOver);
        }
        if (Subjects.HANDOVER.equals(type)) {
            return reminder(read(n, ShiftEvent.HandoverAcceptanceOverdue.class), lookup,
                    graceOver);
        }
        return new Resolution.GiveUp("cannot render a " + type + " notification");
    }

    private static Resolution shift(ShiftEvent.ShiftStarted started, OnCallLookup lookup, DigestLookup digests,
                                    Duration lookBack, boolean graceOver) {
        Optional<String> teamName = lookup.teamName(started.teamId());
        Optional<Recipient> mro = lookup.member(started.teamId(), started.member());
        boolean digestExpected = started.previousHandoverId() != null;
        Optional<Handover> previous = digestExpected ? lookup.handover(started.previousHandoverId()) : Optional.empty();
        Optional<Recipient> giver = previous.filter(Handover::handedOver)
                .flatMap(h -> lookup.member(h.teamId(), h.fromMember()));
        boolean complete = teamName.isPresent() && mro.isPresent()
                && (!digestExpected || previous.filter(Handover::handedOver).isPresent());
        if (!complete && !graceOver) {
            return new Resolution.Wait();
        }
        String team = started.teamId();
        Optional<Recipient> planned = started.planned().equals(started.member()) ? Optional.empty()
                : Optional.of(lookup.member(team, started.planned()).orElse(handleOnly(started.planned())));
        Instant end = started.endsAt() != null ? started.endsAt() : started.startsAt().plus(Duration.ofDays(1));
        Optional<Recipient> night = lookup.nightDutyStarting(team, started.startsAt(), end);
        List<MorningAnnouncement.Resting> resting = List.of();
        Digest digest = null;
        if (digests != null) {
            LocalDate day = started.startsAt().atZone(lookup.timeZone(team).orElse(ZoneOffset.UTC)).toLocalDate();
            resting = digests.rests(team, day).stream().map(rest -> new MorningAnnouncement.Resting(
                    lookup.member(team, rest.member()).orElse(handleOnly(rest.member())),
                    rest.covering() == null ? null
                            : lookup.member(team, rest.covering()).orElse(handleOnly(rest.covering())),
                    rest.reason())).toList();
            digest = digests.digest(team, started.startsAt().minus(lookBack), started.startsAt());
        }
        return new Resolution.Ready(null, new MorningAnnouncement(teamName.orElse(team),
                mro.orElse(handleOnly(started.member())), planned, started.reason(), night, resting, digestExpected,
                previous, giver, digest).text());
    }

    private static Resolution restRule(ShiftEvent.RestRuleApplied applied, OnCallLookup lookup, boolean graceOver) {
        Optional<Recipient> skipped = lookup.member(applied.teamId(), applied.skipped());
        Optional<Recipient> covering = lookup.member(applied.teamId(), applied.covering());
        if ((skipped.isEmpty() || covering.isEmpty()) && !graceOver) {
            return new Resolution.Wait();
        }
        return new Resolution.Ready(null, AnnouncementTexts.restRule(skipped.orElse(handleOnly(applied.skipped())),
                covering.orElse(handleOnly(applied.covering())), applied.reason()));
    }

    private static Resolution reminder(ShiftEvent.HandoverAcceptanceOverdue overdue, OnCallLookup lookup,
                                       boolean graceOver) {
        Optional<Handover> handover = lookup.handover(overdue.handoverId());
        if (handover.filter(Handover::accepted).isPresent()) {
            return new Resolution.Skip(ACCEPTED);
        }
        String team = overdue.toTeamId() == null ? overdue.teamId() : overdue.toTeamId();
        Optional<Recipient> receiver = lookup.member(team, overdue.toMember());
        Optional<Recipient> giver = handover.filter(Handover::handedOver)
                .flatMap(h -> lookup.member(h.teamId(), h.fromMember()));
        boolean complete = receiver.isPresent() && giver.isPresent();
        if (!complete && !graceOver) {
            return new Resolution.Wait();
        }
        return new Resolution.Ready(receiver.orElse(handleOnly(overdue.toMember())),
                AnnouncementTexts.handoverReminder(handover, giver));
    }

    private static <T> T read(Notification n, Class<T> type) {
        try {
            return EventJson.mapper().treeToValue(n.subject(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable subject of notification " + n.notificationId(), e);
        }
    }

    private static Recipient handleOnly(String handle) {
        return new Recipient(handle, null, null, null);
    }
}
