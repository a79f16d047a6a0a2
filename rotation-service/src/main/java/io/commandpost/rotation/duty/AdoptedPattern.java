package io.commandpost.rotation.duty;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A fixed MRO cycle a team adopted as configuration (computed once, e.g. by {@link PatternSearch}, and recorded):
 * day {@code startsOn + i}, and every {@code cycle.size()} days after it, is {@code cycle[i]}'s, a null entry
 * leaving that day to the rule. It governs the days in [{@code from}, {@code until}) ({@code until} null: open);
 * rest, leave and overrides still come first.
 */
public record AdoptedPattern(LocalDate startsOn, List<String> cycle, LocalDate from, LocalDate until) {

    public AdoptedPattern {
        Objects.requireNonNull(startsOn, "startsOn");
        if (cycle.isEmpty()) {
            throw new IllegalArgumentException("a pattern needs at least one day");
        }
        cycle = Collections.unmodifiableList(new ArrayList<>(cycle));
    }

    /** A pattern governing every day from {@code startsOn} on. */
    public AdoptedPattern(LocalDate startsOn, List<String> cycle) {
        this(startsOn, cycle, startsOn, null);
    }

    public boolean governs(LocalDate day) {
        return !day.isBefore(from) && (until == null || day.isBefore(until));
    }

    /** 0-based position of {@code day} in the cycle. */
    public int indexOf(LocalDate day) {
        return (int) Math.floorMod(ChronoUnit.DAYS.between(startsOn, day), (long) cycle.size());
    }

    /** Whose day {@code day} is by the pattern (null: the rule decides). */
    public String memberOn(LocalDate day) {
        return cycle.get(indexOf(day));
    }

    /** The handles the pattern names. */
    public List<String> members() {
        return cycle.stream().filter(Objects::nonNull).distinct().toList();
    }

    /** E.g. "ana: adopted pattern, day 3 of 14". */
    public String reason(LocalDate day) {
        return memberOn(day) + ": adopted pattern, day " + (indexOf(day) + 1) + " of " + cycle.size();
    }
}
