package io.commandpost.rotation.schedule;

import io.commandpost.events.ShiftEvent;
import io.commandpost.rotation.duty.AdoptedPattern;
import io.commandpost.rotation.duty.DutyConfig;
import io.commandpost.rotation.duty.DutyInputs;
import io.commandpost.rotation.duty.DutyTimeline;
import io.commandpost.rotation.duty.RotationFacts;
import io.commandpost.rotation.team.Team;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Translates a team's configuration (as its events made it) and the night pages this service
 * recorded into the pure planner's inputs. Pure.
 */
public final class TeamDuties {

    private TeamDuties() {
    }

    /** The team's duty configuration over time; a version governs the days from the first one starting after it. */
    public static DutyTimeline timeline(Team team) {
        Team.MroSettings mro = team.mroSettings().get(0);
        // day 0: the day whose period (under the first settings) was running when the team was created
        LocalDate anchor = config(team, mro, null, null).dutyDayOf(team.createdAt());
        record Change(Instant effectiveFrom, Instant configuredAt, int order, Team.MroSettings mro,
                      Team.NightSettings night) {
        }
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < team.mroSettings().size(); i++) {
            Team.MroSettings settings = team.mroSettings().get(i);
            changes.add(new Change(settings.effectiveFrom(), settings.configuredAt(), i, settings, null));
        }
        for (int i = 0; i < team.nightSettings().size(); i++) {
            Team.NightSettings settings = team.nightSettings().get(i);
            changes.add(new Change(settings.effectiveFrom(), settings.configuredAt(), 1_000_000 + i, null, settings));
        }
        changes.sort(Comparator.comparing(Change::effectiveFrom).thenComparingInt(Change::order));
        Map<LocalDate, DutyConfig> versions = new TreeMap<>();
        Team.NightSettings night = null;
        LocalDate nightAnchor = anchor;
        for (Change change : changes) {
            Team.MroSettings nextMro = change.mro() == null ? mro : change.mro();
            DutyConfig probe = config(team, nextMro, night, nightAnchor);
            LocalDate from = change.configuredAt() == null ? anchor
                    : DutyTimeline.firstDayFrom(probe, change.effectiveFrom(), change.configuredAt());
            if (from.isBefore(anchor)) {
                from = anchor;
            }
            mro = nextMro;
            if (change.night() != null) {
                night = change.night();
                nightAnchor = from;
            }
            versions.put(from, config(team, mro, night, nightAnchor));
        }
        List<DutyTimeline.Version> list = new ArrayList<>();
        versions.forEach((day, config) -> list.add(new DutyTimeline.Version(day, config)));
        DutyTimeline timeline = new DutyTimeline(list);
        for (Team.Pattern pattern : team.patterns()) {
            timeline = timeline.adopting(pattern(timeline, pattern));
        }
        return timeline;
    }

    /**
     * An adopted pattern over the days it governs: from the first day whose handoff is after its adoption, until
     * the first one at or after the day its drop took effect (as configuration changes do).
     */
    private static AdoptedPattern pattern(DutyTimeline timeline, Team.Pattern pattern) {
        DutyConfig config = timeline.latest();
        LocalDate from = DutyTimeline.firstDayFrom(config, pattern.adoptedAt(), pattern.adoptedAt());
        LocalDate until = pattern.active() ? null
                : DutyTimeline.firstDayFrom(config, pattern.droppedFrom(), pattern.droppedAt());
        if (until != null && until.isBefore(from)) {
            until = from;
        }
        return new AdoptedPattern(pattern.startsOn(), pattern.cycle(), from, until);
    }

    private static DutyConfig config(Team team, Team.MroSettings mro, Team.NightSettings night, LocalDate nightAnchor) {
        return new DutyConfig(team.id(), team.zone(), mro.handoffTime(), mro.workdayEnd(), mro.rotation(),
                night == null ? List.of() : night.rotation(), DutyConfig.Coverage.valueOf(mro.coverage()),
                night == null ? DutyConfig.NightLength.DAILY : DutyConfig.NightLength.valueOf(night.shiftLength()),
                nightAnchor);
    }

    /**
     * The rotation facts recorded on the team's shift stream: MRO days and nights that started (the
     * day each belongs to, whom the rotation planned) and the turns skipped for rest or leave.
     */
    public static RotationFacts facts(DutyTimeline timeline, List<? extends ShiftEvent> events) {
        return RotationFacts.of(timeline, events);
    }

    /** Leave as whole team-local days, overrides that stand, and the recorded night pages. */
    public static DutyInputs inputs(Team team, List<DutyInputs.NightPage> nightPages) {
        List<DutyInputs.Leave> leave = team.leave().stream()
                .map(l -> new DutyInputs.Leave(l.member(), l.from().atZone(team.zone()).toLocalDate(),
                        l.to().minusNanos(1).atZone(team.zone()).toLocalDate(), l.recordedAt(), l.cancelledAt()))
                .toList();
        List<DutyInputs.Override> overrides = team.overrides().stream().filter(Team.Override::active)
                .map(o -> new DutyInputs.Override(o.kind(), o.addMember(), o.removeMember(), o.start(), o.end()))
                .toList();
        return new DutyInputs(leave, overrides, nightPages);
    }
}
