package io.commandpost.rotation.duty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A team's duty configuration over time: each version governs the days from its {@code from} day
 * on, so a change applies to the future only and the days already planned keep the configuration
 * they were planned with. The first version's day is the team's first day. {@code patterns}: the MRO cycles the
 * team adopted, each over the days it governs (a later one wins where two overlap).
 */
public record DutyTimeline(List<Version> versions, List<AdoptedPattern> patterns) {

    /** {@code config} governs every day from {@code from} until the next version's day. */
    public record Version(LocalDate from, DutyConfig config) {
    }

    public DutyTimeline {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("a timeline needs a first configuration");
        }
        List<Version> sorted = new ArrayList<>(versions);
        sorted.sort(Comparator.comparing(Version::from));
        versions = List.copyOf(sorted);
        patterns = List.copyOf(patterns);
    }

    public DutyTimeline(List<Version> versions) {
        this(versions, List.of());
    }

    public static DutyTimeline of(DutyConfig config) {
        return new DutyTimeline(List.of(new Version(config.anchorDay(), config)));
    }

    /** This timeline with {@code pattern} adopted as well. */
    public DutyTimeline adopting(AdoptedPattern pattern) {
        List<AdoptedPattern> adopted = new ArrayList<>(patterns);
        adopted.add(pattern);
        return new DutyTimeline(versions, adopted);
    }

    /**
     * The pattern that decides the MRO of {@code day}: the last adopted one governing it, and only while every
     * handle it names is in that day's MRO rotation (otherwise the rule plans the day).
     */
    public Optional<AdoptedPattern> patternOn(LocalDate day) {
        for (int i = patterns.size() - 1; i >= 0; i--) {
            AdoptedPattern pattern = patterns.get(i);
            if (pattern.governs(day)) {
                return on(day).mroRotation().containsAll(pattern.members()) ? Optional.of(pattern) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    public LocalDate anchorDay() {
        return versions.get(0).from();
    }

    public DutyConfig first() {
        return versions.get(0).config();
    }

    public DutyConfig latest() {
        return versions.get(versions.size() - 1).config();
    }

    /** The configuration of {@code day} (the first one for days before the team existed). */
    public DutyConfig on(LocalDate day) {
        return versionOf(day).config();
    }

    /** The first day of the version in force on {@code day} (the team's first day before it existed). */
    public LocalDate versionStart(LocalDate day) {
        return versionOf(day).from();
    }

    private Version versionOf(LocalDate day) {
        Version current = versions.get(0);
        for (Version version : versions) {
            if (version.from().isAfter(day)) {
                break;
            }
            current = version;
        }
        return current;
    }

    /** The day whose handoff started the period containing {@code instant}. */
    public LocalDate dutyDayOf(Instant instant) {
        LocalDate local = instant.atZone(latest().zone()).toLocalDate();
        return on(local).handoffOf(local).isAfter(instant) ? local.minusDays(1) : local;
    }

    /**
     * The first day a configuration decided at {@code configuredAt} to take effect at {@code effectiveFrom}
     * governs: the first day whose handoff is at or after {@code effectiveFrom} and after
     * {@code configuredAt}, so a day already started (even at that very instant) keeps its plan.
     */
    public static LocalDate firstDayFrom(DutyConfig config, Instant effectiveFrom, Instant configuredAt) {
        LocalDate day = effectiveFrom.atZone(config.zone()).toLocalDate().minusDays(1);
        while (config.handoffOf(day).isBefore(effectiveFrom) || !config.handoffOf(day).isAfter(configuredAt)) {
            day = day.plusDays(1);
        }
        return day;
    }
}
