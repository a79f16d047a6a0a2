package io.commandpost.rotation.duty;

import io.commandpost.rotation.duty.DayPlan.Reason;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the MRO rule needs to know about the past, GoAlert-style: small, and advanced one day at
 * a time, either from what really happened (the shifts that started and the skips recorded) or by the
 * planner for the days ahead. Nothing older than four weeks is kept, so planning from it costs the
 * same for a team created years ago as for a new one.
 *
 * @param next    the first day not folded in yet
 * @param recent  per member, their MRO days among the {@value #WINDOW_DAYS} days before {@code next}
 * @param owed    per member, the skipped turns not given back yet (oldest first), none older than
 *                {@value #OWED_DAYS} days
 * @param lastMro who took the last MRO day, on {@code lastMroDay} (null before the first)
 */
public record RotationState(LocalDate next, Map<String, List<LocalDate>> recent, Map<String, List<Owed>> owed,
                            String lastMro, LocalDate lastMroDay) {

    /** "The last 4 weeks" of the rule: a day's ranking counts the 27 days before it, so 28 with it. */
    public static final int WINDOW_DAYS = 27;
    /** An owed day not given back within this many days lapses. */
    public static final int OWED_DAYS = 14;

    /** A turn someone missed and is owed: the day and why. */
    public record Owed(LocalDate day, Reason reason) {
    }

    public RotationState {
        Map<String, List<LocalDate>> r = new HashMap<>();
        recent.forEach((member, days) -> r.put(member, List.copyOf(days)));
        recent = Map.copyOf(r);
        Map<String, List<Owed>> o = new HashMap<>();
        owed.forEach((member, days) -> {
            if (!days.isEmpty()) {
                o.put(member, List.copyOf(days));
            }
        });
        owed = Map.copyOf(o);
    }

    /** A team with no past: its first day is {@code first}. */
    public static RotationState startingOn(LocalDate first) {
        return new RotationState(first, Map.of(), Map.of(), null, null);
    }

    /** MRO days of {@code member} in the window before {@link #next}. */
    public int recentDays(String member) {
        return recent.getOrDefault(member, List.of()).size();
    }

    public List<Owed> owedTo(String member) {
        return owed.getOrDefault(member, List.of());
    }

    /** Turns counted for whose turn it is: days taken in the window plus turns skipped and not given back. */
    int turns(String member) {
        return recentDays(member) + owedTo(member).size();
    }

    /** {@code member} missed their turn on {@code day} for {@code reason}: they are owed a day. */
    public RotationState skipped(LocalDate day, String member, Reason reason) {
        Map<String, List<Owed>> next = new HashMap<>(owed);
        List<Owed> list = new ArrayList<>(owedTo(member));
        list.add(new Owed(day, reason));
        next.put(member, list);
        return new RotationState(this.next, recent, next, lastMro, lastMroDay);
    }

    /** {@code member} took the MRO day {@code day}: counted, and it gives back their oldest owed day. */
    public RotationState took(LocalDate day, String member) {
        Map<String, List<LocalDate>> days = new HashMap<>(recent);
        List<LocalDate> list = new ArrayList<>(days.getOrDefault(member, List.of()));
        list.add(day);
        days.put(member, list);
        Map<String, List<Owed>> stillOwed = new HashMap<>(owed);
        List<Owed> mine = owedTo(member);
        if (!mine.isEmpty()) {
            stillOwed.put(member, mine.subList(1, mine.size()));
        }
        return new RotationState(next, days, stillOwed, member, day);
    }

    /**
     * The state before {@code day}: days before it are folded in, days that left the window are
     * dropped and owed days older than {@value #OWED_DAYS} days lapse. Never goes back.
     */
    public RotationState before(LocalDate day) {
        if (!day.isAfter(next)) {
            return this;
        }
        LocalDate windowStart = day.minusDays(WINDOW_DAYS);
        LocalDate owedSince = day.minusDays(OWED_DAYS);
        Map<String, List<LocalDate>> days = new HashMap<>();
        recent.forEach((member, list) -> days.put(member,
                list.stream().filter(d -> !d.isBefore(windowStart)).toList()));
        Map<String, List<Owed>> stillOwed = new HashMap<>();
        owed.forEach((member, list) -> stillOwed.put(member,
                list.stream().filter(o -> !o.day().isBefore(owedSince)).toList()));
        return new RotationState(day, days, stillOwed, lastMro, lastMroDay);
    }
}
