package io.commandpost.rotation.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which duties a feed lists at {@code now}: what actually happened over the last two weeks (the
 * shift history), then the plan for the next eight weeks. A planned duty that overlaps a started
 * shift of the same kind is that shift (or was replaced by it) and is shown once, as history.
 */
public final class FeedDuties {

    public static final Duration PAST = Duration.ofDays(14);
    public static final Duration AHEAD = Duration.ofDays(56);

    private FeedDuties() {
    }

    /** @param member null for the whole team */
    public static List<Duty> select(List<Duty> history, List<Duty> planned, Instant now, String member) {
        Instant from = now.minus(PAST);
        Instant to = now.plus(AHEAD);
        List<Duty> duties = new ArrayList<>();
        Set<java.util.UUID> seen = new HashSet<>();
        for (Duty duty : history) {
            if (duty.end().isAfter(from) && !duty.start().isAfter(now) && seen.add(duty.shiftId())) {
                duties.add(duty);
            }
        }
        List<Duty> started = List.copyOf(duties);
        for (Duty duty : planned) {
            if (duty.end().isAfter(now) && duty.start().isBefore(to) && seen.add(duty.shiftId())
                    && started.stream().noneMatch(shift -> overlaps(shift, duty))) {
                duties.add(duty);
            }
        }
        return duties.stream()
                .filter(duty -> member == null || member.equals(duty.member()))
                .sorted(Comparator.comparing(Duty::start).thenComparing(Duty::kind))
                .toList();
    }

    private static boolean overlaps(Duty shift, Duty planned) {
        return shift.kind() == planned.kind() && shift.start().isBefore(planned.end())
                && shift.end().isAfter(planned.start());
    }
}
