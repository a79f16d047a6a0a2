package io.commandpost.rotation.team;

import io.commandpost.events.ShiftKind;
import io.commandpost.events.TeamEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A team's configuration as its events made it; {@link #NONE} before it was created. Rotation
 * settings are kept as dated versions (each applies from its {@code effectiveFrom}), leave and
 * overrides with when they were recorded and cancelled, so that the plan of a day that already
 * started never changes. {@link #handoffTime()} and {@link #rotation()} are the latest MRO settings.
 */
public record Team(String id, String name, ZoneId zone, LocalTime handoffTime, List<TeamEvent.Member> members,
                   List<String> rotation, Instant createdAt, String partnerTeamId, List<MroSettings> mroSettings,
                   List<NightSettings> nightSettings, List<Leave> leave, List<Override> overrides,
                   List<Pattern> patterns) {

    public static final Team NONE = new Team(null, null, null, null, List.of(), List.of(), null);

    public static final LocalTime DEFAULT_WORKDAY_START = LocalTime.of(9, 0);
    public static final LocalTime DEFAULT_WORKDAY_END = LocalTime.of(18, 0);

    /**
     * The MRO rotation for the days starting at or after {@code effectiveFrom} and after {@code configuredAt}
     * (null for the team's creation: from its first day). {@code coverage}: EVERY_DAY or WEEKDAYS.
     */
    public record MroSettings(List<String> rotation, LocalTime handoffTime, String coverage, LocalTime workdayStart,
                              LocalTime workdayEnd, Instant effectiveFrom, Instant configuredAt) {
    }

    /** The night duty rotation from {@code effectiveFrom} on (empty: no night duty). DAILY or WEEKLY. */
    public record NightSettings(List<String> rotation, String shiftLength, Instant effectiveFrom,
                                Instant configuredAt) {
    }

    /** Leave over [from, to); {@code cancelledAt} null while it stands. */
    public record Leave(UUID leaveId, String member, Instant from, Instant to, String reason, Instant recordedAt,
                        Instant cancelledAt) {
        public boolean active() {
            return cancelledAt == null;
        }
    }

    /** A GoAlert-style override over [start, end); {@code cancelledAt} null while it stands. */
    public record Override(UUID overrideId, ShiftKind kind, String addMember, String removeMember, Instant start,
                           Instant end, String recordedBy, Instant recordedAt, Instant cancelledAt) {
        public boolean active() {
            return cancelledAt == null;
        }
    }

    /**
     * A fixed MRO cycle adopted at {@code adoptedAt} (day {@code startsOn + i} is {@code cycle[i]}'s, null: the rule
     * decides); {@code droppedAt} null while it stands, else it no longer governs the days from {@code droppedFrom}.
     */
    public record Pattern(LocalDate startsOn, List<String> cycle, Instant adoptedAt, String droppedReason,
                          Instant droppedFrom, Instant droppedAt) {
        public Pattern {
            cycle = Collections.unmodifiableList(new ArrayList<>(cycle));
        }

        public boolean active() {
            return droppedAt == null;
        }

        Pattern dropped(String reason, Instant from, Instant at) {
            return new Pattern(startsOn, cycle, adoptedAt, reason, from, at);
        }
    }

    public Team {
        members = List.copyOf(members);
        rotation = List.copyOf(rotation);
        mroSettings = List.copyOf(mroSettings);
        nightSettings = List.copyOf(nightSettings);
        leave = List.copyOf(leave);
        overrides = List.copyOf(overrides);
        patterns = List.copyOf(patterns);
    }

    public Team(String id, String name, ZoneId zone, LocalTime handoffTime, List<TeamEvent.Member> members,
                List<String> rotation, Instant createdAt) {
        this(id, name, zone, handoffTime, members, rotation, createdAt, null,
                id == null ? List.of() : List.of(new MroSettings(rotation, handoffTime, "EVERY_DAY",
                        DEFAULT_WORKDAY_START, DEFAULT_WORKDAY_END, createdAt, null)),
                List.of(), List.of(), List.of(), List.of());
    }

    public boolean exists() {
        return id != null;
    }

    public static Team evolve(Team state, TeamEvent event) {
        if (event instanceof TeamEvent.TeamCreated created) {
            return new Team(created.teamId(), created.name(), ZoneId.of(created.timeZone()),
                    LocalTime.parse(created.handoffTime()), List.copyOf(created.members()),
                    List.copyOf(created.rotation()), created.createdAt());
        }
        if (event instanceof TeamEvent.MemberAdded added) {
            List<TeamEvent.Member> members = new ArrayList<>(state.members);
            members.add(added.member());
            return state.withMembers(members);
        }
        if (event instanceof TeamEvent.MemberUpdated updated) {
            List<TeamEvent.Member> members = new ArrayList<>(state.members);
            members.replaceAll(m -> m.handle().equals(updated.member().handle()) ? updated.member() : m);
            return state.withMembers(members);
        }
        if (event instanceof TeamEvent.MroRotationConfigured configured) {
            List<MroSettings> settings = new ArrayList<>(state.mroSettings);
            settings.add(new MroSettings(List.copyOf(configured.rotation()), LocalTime.parse(configured.handoffTime()),
                    configured.coverage(), LocalTime.parse(configured.workdayStart()),
                    LocalTime.parse(configured.workdayEnd()), configured.effectiveFrom(), configured.configuredAt()));
            return new Team(state.id, state.name, state.zone, LocalTime.parse(configured.handoffTime()),
                    state.members, configured.rotation(), state.createdAt, state.partnerTeamId, settings,
                    state.nightSettings, state.leave, state.overrides, state.patterns);
        }
        if (event instanceof TeamEvent.NightDutyConfigured configured) {
            List<NightSettings> settings = new ArrayList<>(state.nightSettings);
            settings.add(new NightSettings(List.copyOf(configured.rotation()), configured.shiftLength(),
                    configured.effectiveFrom(), configured.configuredAt()));
            return new Team(state.id, state.name, state.zone, state.handoffTime, state.members, state.rotation,
                    state.createdAt, state.partnerTeamId, state.mroSettings, settings, state.leave, state.overrides,
                    state.patterns);
        }
        if (event instanceof TeamEvent.LeaveRecorded recorded) {
            List<Leave> leave = new ArrayList<>(state.leave);
            leave.add(new Leave(recorded.leaveId(), recorded.member(), recorded.from(), recorded.to(),
                    recorded.reason(), recorded.recordedAt(), null));
            return state.withLeave(leave);
        }
        if (event instanceof TeamEvent.LeaveCancelled cancelled) {
            List<Leave> leave = new ArrayList<>(state.leave);
            leave.replaceAll(l -> l.leaveId().equals(cancelled.leaveId()) && l.active()
                    ? new Leave(l.leaveId(), l.member(), l.from(), l.to(), l.reason(), l.recordedAt(),
                    cancelled.cancelledAt()) : l);
            return state.withLeave(leave);
        }
        if (event instanceof TeamEvent.OverrideRecorded recorded) {
            List<Override> overrides = new ArrayList<>(state.overrides);
            overrides.add(new Override(recorded.overrideId(), recorded.kind(), recorded.addMember(),
                    recorded.removeMember(), recorded.start(), recorded.end(), recorded.recordedBy(),
                    recorded.recordedAt(), null));
            return state.withOverrides(overrides);
        }
        if (event instanceof TeamEvent.OverrideCancelled cancelled) {
            List<Override> overrides = new ArrayList<>(state.overrides);
            overrides.replaceAll(o -> o.overrideId().equals(cancelled.overrideId()) && o.active()
                    ? new Override(o.overrideId(), o.kind(), o.addMember(), o.removeMember(), o.start(), o.end(),
                    o.recordedBy(), o.recordedAt(), cancelled.cancelledAt()) : o);
            return state.withOverrides(overrides);
        }
        if (event instanceof TeamEvent.PatternAdopted adopted) {
            List<Pattern> patterns = new ArrayList<>(state.patterns);
            patterns.replaceAll(p -> p.active() ? p.dropped("another pattern was adopted", adopted.adoptedAt(),
                    adopted.adoptedAt()) : p);
            patterns.add(new Pattern(adopted.startsOn(), adopted.cycle(), adopted.adoptedAt(), null, null, null));
            return state.withPatterns(patterns);
        }
        if (event instanceof TeamEvent.PatternDropped dropped) {
            List<Pattern> patterns = new ArrayList<>(state.patterns);
            patterns.replaceAll(p -> p.active() ? p.dropped(dropped.reason(), dropped.effectiveFrom(),
                    dropped.droppedAt()) : p);
            return state.withPatterns(patterns);
        }
        if (event instanceof TeamEvent.PartnerTeamSet partner) {
            return new Team(state.id, state.name, state.zone, state.handoffTime, state.members, state.rotation,
                    state.createdAt, partner.partnerTeamId(), state.mroSettings, state.nightSettings, state.leave,
                    state.overrides, state.patterns);
        }
        return state;
    }

    public Optional<TeamEvent.Member> member(String handle) {
        return members.stream().filter(member -> member.handle().equals(handle)).findFirst();
    }

    public Optional<Leave> leave(UUID leaveId) {
        return leave.stream().filter(l -> l.leaveId().equals(leaveId)).findFirst();
    }

    public Optional<Override> override(UUID overrideId) {
        return overrides.stream().filter(o -> o.overrideId().equals(overrideId)).findFirst();
    }

    private Team withMembers(List<TeamEvent.Member> members) {
        return new Team(id, name, zone, handoffTime, members, rotation, createdAt, partnerTeamId, mroSettings,
                nightSettings, leave, overrides, patterns);
    }

    private Team withLeave(List<Leave> leave) {
        return new Team(id, name, zone, handoffTime, members, rotation, createdAt, partnerTeamId, mroSettings,
                nightSettings, leave, overrides, patterns);
    }

    /** The pattern the team follows now, if any. */
    public Optional<Pattern> pattern() {
        return patterns.stream().filter(Pattern::active).reduce((first, second) -> second);
    }

    private Team withPatterns(List<Pattern> patterns) {
        return new Team(id, name, zone, handoffTime, members, rotation, createdAt, partnerTeamId, mroSettings,
                nightSettings, leave, overrides, patterns);
    }

    private Team withOverrides(List<Override> overrides) {
        return new Team(id, name, zone, handoffTime, members, rotation, createdAt, partnerTeamId, mroSettings,
                nightSettings, leave, overrides, patterns);
    }
}
