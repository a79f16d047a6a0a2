package io.commandpost.rotation.shift;

import io.commandpost.events.ShiftEvent.ShiftStarted;
import io.commandpost.events.ShiftKind;
import io.commandpost.rotation.plan.MroPlan;
import io.commandpost.rotation.plan.PlannedShift;
import io.commandpost.rotation.plan.RotationConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Compares the plan with the shifts that actually started and says which ShiftStarted events are
 * due. Pure: the same inputs give the same events, shift ids included (they are derived from team,
 * kind and start), so two replicas deciding at once propose identical events and the store's
 * expected version lets exactly one of them through.
 */
public final class HandoffDecider {

    /** After a long outage the ended shifts are not replayed beyond this many days. */
    static final int MAX_CATCH_UP_DAYS = 31;

    private HandoffDecider() {
    }

    /**
     * The MRO shifts to start at {@code now}: none when the current one already started; otherwise
     * every shift since the last one that started (missed handoffs are recorded late, never skipped,
     * bounded by {@link #MAX_CATCH_UP_DAYS}), the current one last.
     */
    public static List<ShiftStarted> due(RotationConfig config, ShiftHistory history, Instant now,
                                         Duration lateAfter) {
        PlannedShift current = MroPlan.mroAt(config, now);
        var last = history.last(ShiftKind.MRO_DAY);
        if (last.isPresent() && !last.get().startsAt().isBefore(current.shiftStart())) {
            return List.of();
        }
        LocalDate first = last.map(shift -> config.shiftDayOf(shift.startsAt()).plusDays(1)).orElse(current.day());
        if (first.isBefore(current.day().minusDays(MAX_CATCH_UP_DAYS))) {
            first = current.day().minusDays(MAX_CATCH_UP_DAYS);
        }
        List<ShiftStarted> due = new ArrayList<>();
        UUID previous = last.map(ShiftStarted::shiftId).orElse(null);
        for (LocalDate day = first; !day.isAfter(current.day()); day = day.plusDays(1)) {
            PlannedShift planned = MroPlan.shiftOf(config, day);
            ShiftStarted started = started(config.teamId(), ShiftKind.MRO_DAY, planned, previous, now, lateAfter);
            due.add(started);
            previous = started.shiftId();
        }
        return due;
    }

    static ShiftStarted started(String teamId, ShiftKind kind, PlannedShift planned, UUID previous, Instant now,
                                Duration lateAfter) {
        boolean late = now.isAfter(planned.shiftStart().plus(lateAfter));
        return new ShiftStarted(teamId, shiftId(teamId, kind, planned.shiftStart()), kind, planned.member(),
                planned.shiftStart(), planned.shiftEnd(), previous, late, now);
    }

    public static UUID shiftId(String teamId, ShiftKind kind, Instant start) {
        return UUID.nameUUIDFromBytes((teamId + "|" + kind + "|" + start).getBytes(StandardCharsets.UTF_8));
    }
}
