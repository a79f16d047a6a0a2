package io.commandpost.rotation.team;

import io.commandpost.events.ShiftKind;
import io.commandpost.events.TeamEvent;
import io.commandpost.platform.domain.InvalidCommandException;
import io.commandpost.platform.domain.RuleViolationException;
import io.commandpost.rotation.team.TeamCommand.AddMember;
import io.commandpost.rotation.team.TeamCommand.AdoptPattern;
import io.commandpost.rotation.team.TeamCommand.CancelLeave;
import io.commandpost.rotation.team.TeamCommand.CancelOverride;
import io.commandpost.rotation.team.TeamCommand.ConfigureMroRotation;
import io.commandpost.rotation.team.TeamCommand.ConfigureNightDuty;
import io.commandpost.rotation.team.TeamCommand.DropPattern;
import io.commandpost.rotation.team.TeamCommand.NewMember;
import io.commandpost.rotation.team.TeamCommand.RecordLeave;
import io.commandpost.rotation.team.TeamCommand.RecordOverride;
import io.commandpost.rotation.team.TeamCommand.SetPartnerTeam;
import io.commandpost.rotation.team.TeamCommand.UpdateMember;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides the configuration commands of an existing team (members, rotations, leave, overrides,
 * partner). Pure. Configuration only ever applies from now on: an effective date in the past is
 * refused, so the plan of a day that already started never changes.
 */
final class TeamSettingsDecider {

    private static final Set<String> COVERAGES = Set.of("EVERY_DAY", "WEEKDAYS");
    private static final Set<String> NIGHT_LENGTHS = Set.of("DAILY", "WEEKLY");

    private TeamSettingsDecider() {
    }

    static TeamEvent decide(TeamCommand command, Team team, Instant now) {
        if (command instanceof AddMember add) {
            return addMember(add, team, now);
        }
        if (command instanceof UpdateMember update) {
            return updateMember(update, team, now);
        }
        if (command instanceof ConfigureMroRotation mro) {
            return configureMro(mro, team, now);
        }
        if (command instanceof ConfigureNightDuty night) {
            return configureNight(night, team, now);
        }
        if (command instanceof RecordLeave leave) {
            return recordLeave(leave, team, now);
        }
        if (command instanceof CancelLeave cancel) {
            Team.Leave leave = team.leave(cancel.leaveId())
                    .orElseThrow(() -> new RuleViolationException("no leave " + cancel.leaveId()));
            if (!leave.active()) {
                throw new RuleViolationException("leave " + cancel.leaveId() + " is already cancelled");
            }
            return new TeamEvent.LeaveCancelled(team.id(), cancel.leaveId(), now);
        }
        if (command instanceof RecordOverride override) {
            return recordOverride(override, team, now);
        }
        if (command instanceof AdoptPattern adopt) {
            return adoptPattern(adopt, team, now);
        }
        if (command instanceof DropPattern) {
            if (team.pattern().isEmpty()) {
                throw new RuleViolationException("team " + team.id() + " follows no adopted pattern");
            }
            return new TeamEvent.PatternDropped(team.id(), "dropped by an admin", now, now);
        }
        if (command instanceof CancelOverride cancel) {
            Team.Override override = team.override(cancel.overrideId())
                    .orElseThrow(() -> new RuleViolationException("no override " + cancel.overrideId()));
            if (!override.active()) {
                throw new RuleViolationException("override " + cancel.overrideId() + " is already cancelled");
            }
            return new TeamEvent.OverrideCancelled(team.id(), cancel.overrideId(), now);
        }
        if (command instanceof SetPartnerTeam partner) {
            return setPartner(partner, team, now);
        }
        throw new IllegalArgumentException("unknown command " + command);
    }

    private static TeamEvent addMember(AddMember command, Team team, Instant now) {
        NewMember submitted = command.member();
        if (submitted == null || TeamDecider.blank(submitted.handle())) {
            throw new InvalidCommandException("handle", "must not be blank");
        }
        if (team.member(submitted.handle()).isPresent()) {
            throw new RuleViolationException("'" + submitted.handle() + "' is already a member of " + team.id());
        }
        return new TeamEvent.MemberAdded(team.id(), member(submitted.handle(), submitted, team), now);
    }

    private static TeamEvent updateMember(UpdateMember command, Team team, Instant now) {
        if (team.member(command.handle()).isEmpty()) {
            throw new RuleViolationException("'" + command.handle() + "' is not a member of " + team.id());
        }
        if (command.member() == null) {
            throw new InvalidCommandException("", "a member is required");
        }
        return new TeamEvent.MemberUpdated(team.id(), member(command.handle(), command.member(), team), now);
    }

    private static TeamEvent.Member member(String handle, NewMember submitted, Team team) {
        String zone = submitted.timeZone() == null ? team.zone().getId()
                : TeamDecider.zone(submitted.timeZone(), "timeZone").getId();
        String displayName = TeamDecider.blank(submitted.displayName()) ? handle : submitted.displayName();
        List<String> skills = new ArrayList<>();
        List<String> submittedSkills = submitted.skills() == null ? List.of() : submitted.skills();
        for (int i = 0; i < submittedSkills.size(); i++) {
            String skill = submittedSkills.get(i);
            if (TeamDecider.blank(skill)) {
                throw new InvalidCommandException("skills." + i, "must not be blank");
            }
            if (!skills.contains(skill.trim())) {
                skills.add(skill.trim());
            }
        }
        return new TeamEvent.Member(handle, displayName, submitted.email(), submitted.slackUserId(), zone, skills);
    }

    private static TeamEvent configureMro(ConfigureMroRotation command, Team team, Instant now) {
        if (command.rotation() == null || command.rotation().isEmpty()) {
            throw new InvalidCommandException("rotation", "an MRO rotation needs at least one member");
        }
        List<String> rotation = TeamDecider.rotation(command.rotation(), team.members());
        String handoff = TeamDecider.handoffTime(command.handoffTime());
        String coverage = command.coverage() == null ? "EVERY_DAY" : command.coverage();
        if (!COVERAGES.contains(coverage)) {
            throw new InvalidCommandException("coverage", "must be EVERY_DAY or WEEKDAYS");
        }
        LocalTime start = time(command.workdayStart(), Team.DEFAULT_WORKDAY_START, "workdayStart");
        LocalTime end = time(command.workdayEnd(), Team.DEFAULT_WORKDAY_END, "workdayEnd");
        if (!end.isAfter(start)) {
            throw new InvalidCommandException("workdayEnd", "must be after workdayStart");
        }
        LocalTime handoffTime = LocalTime.parse(handoff);
        if (!end.isAfter(handoffTime)) {
            throw new InvalidCommandException("workdayEnd", "must be after the handoff time " + handoff);
        }
        return new TeamEvent.MroRotationConfigured(team.id(), rotation, handoff, coverage, start.toString(),
                end.toString(), effectiveFrom(command.effectiveFrom(), now), now);
    }

    private static TeamEvent configureNight(ConfigureNightDuty command, Team team, Instant now) {
        List<String> rotation = command.rotation() == null || command.rotation().isEmpty() ? List.of()
                : TeamDecider.rotation(command.rotation(), team.members());
        String length = command.shiftLength() == null ? "DAILY" : command.shiftLength();
        if (!NIGHT_LENGTHS.contains(length)) {
            throw new InvalidCommandException("shiftLength", "must be DAILY or WEEKLY");
        }
        return new TeamEvent.NightDutyConfigured(team.id(), rotation, length,
                effectiveFrom(command.effectiveFrom(), now), now);
    }

    /** The longest cycle a team may adopt: a year. */
    static final int LONGEST_PATTERN = 366;

    private static TeamEvent adoptPattern(AdoptPattern command, Team team, Instant now) {
        if (command.startsOn() == null) {
            throw new InvalidCommandException("startsOn", "is required: the date of the cycle's first day");
        }
        List<String> cycle = command.cycle();
        if (cycle == null || cycle.isEmpty() || cycle.size() > LONGEST_PATTERN) {
            throw new InvalidCommandException("cycle", "must list 1 to " + LONGEST_PATTERN + " days");
        }
        for (int i = 0; i < cycle.size(); i++) {
            String handle = cycle.get(i);
            if (handle == null) {
                continue;
            }
            knownMember(team, handle, "cycle." + i);
            if (!team.rotation().contains(handle)) {
                throw new InvalidCommandException("cycle." + i, "'" + handle + "' is not in the MRO rotation");
            }
        }
        if (cycle.stream().allMatch(Objects::isNull)) {
            throw new InvalidCommandException("cycle", "must name someone on at least one day");
        }
        return new TeamEvent.PatternAdopted(team.id(), command.startsOn(), cycle, now);
    }

    /**
     * A pattern fits the rotation, covered days and nights it was computed for: a change of the MRO rotation's
     * members or covered days, or of night duty, drops it from the days the change governs (handoff and working
     * hours keep it).
     */
    static Optional<TeamEvent> patternDroppedBy(TeamEvent event, Team team) {
        if (team.pattern().isEmpty()) {
            return Optional.empty();
        }
        if (event instanceof TeamEvent.MroRotationConfigured mro) {
            Team.MroSettings latest = team.mroSettings().get(team.mroSettings().size() - 1);
            if (!Set.copyOf(mro.rotation()).equals(Set.copyOf(latest.rotation()))
                    || !mro.coverage().equals(latest.coverage())) {
                return Optional.of(new TeamEvent.PatternDropped(team.id(),
                        "the MRO rotation changed (members or covered days)", mro.effectiveFrom(), mro.configuredAt()));
            }
        }
        if (event instanceof TeamEvent.NightDutyConfigured night) {
            Team.NightSettings latest = team.nightSettings().isEmpty() ? null
                    : team.nightSettings().get(team.nightSettings().size() - 1);
            boolean same = latest == null ? night.rotation().isEmpty()
                    : latest.rotation().equals(night.rotation()) && latest.shiftLength().equals(night.shiftLength());
            if (!same) {
                return Optional.of(new TeamEvent.PatternDropped(team.id(), "night duty changed",
                        night.effectiveFrom(), night.configuredAt()));
            }
        }
        return Optional.empty();
    }

    private static TeamEvent recordLeave(RecordLeave command, Team team, Instant now) {
        knownMember(team, command.member(), "member");
        if (command.from() == null) {
            throw new InvalidCommandException("from", "is required (an instant, e.g. 2025-03-03T00:00:00+01:00)");
        }
        if (command.to() == null || !command.to().isAfter(command.from())) {
            throw new InvalidCommandException("to", "must be after from");
        }
        if (!command.to().isAfter(now)) {
            throw new InvalidCommandException("to", "must be in the future: past days keep their plan");
        }
        for (Team.Leave leave : team.leave()) {
            if (leave.active() && leave.member().equals(command.member()) && leave.from().isBefore(command.to())
                    && leave.to().isAfter(command.from())) {
                throw new RuleViolationException("from",
                        "leave of " + command.member() + " overlaps leave " + leave.leaveId());
            }
        }
        return new TeamEvent.LeaveRecorded(team.id(), command.leaveId(), command.member(), command.from(),
                command.to(), command.reason(), now);
    }

    private static TeamEvent recordOverride(RecordOverride command, Team team, Instant now) {
        ShiftKind kind;
        try {
            kind = ShiftKind.valueOf(Objects.requireNonNull(command.kind()));
        } catch (RuntimeException e) {
            throw new InvalidCommandException("kind", "must be MRO_DAY or NIGHT_DUTY");
        }
        if (command.addMember() == null && command.removeMember() == null) {
            throw new InvalidCommandException("addMember",
                    "an override adds, removes or replaces someone: give addMember, removeMember or both");
        }
        if (command.addMember() != null) {
            knownMember(team, command.addMember(), "addMember");
        }
        if (command.removeMember() != null) {
            knownMember(team, command.removeMember(), "removeMember");
        }
        if (Objects.equals(command.addMember(), command.removeMember())) {
            throw new InvalidCommandException("addMember", "must differ from removeMember");
        }
        if (command.start() == null) {
            throw new InvalidCommandException("start", "is required");
        }
        if (command.end() == null || !command.end().isAfter(command.start())) {
            throw new InvalidCommandException("end", "must be after start");
        }
        if (!command.end().isAfter(now)) {
            throw new InvalidCommandException("end", "must be in the future: past shifts keep who worked them");
        }
        for (Team.Override other : team.overrides()) {
            if (other.active() && other.kind() == kind && other.start().isBefore(command.end())
                    && other.end().isAfter(command.start()) && sharesPerson(other, command)) {
                throw new RuleViolationException("start", "override overlaps override " + other.overrideId()
                        + " for the same person and duty");
            }
        }
        return new TeamEvent.OverrideRecorded(team.id(), command.overrideId(), kind, command.addMember(),
                command.removeMember(), command.start(), command.end(), command.recordedBy(), now);
    }

    private static boolean sharesPerson(Team.Override other, RecordOverride command) {
        List<String> mine = new ArrayList<>();
        if (command.addMember() != null) {
            mine.add(command.addMember());
        }
        if (command.removeMember() != null) {
            mine.add(command.removeMember());
        }
        return mine.contains(other.addMember()) || mine.contains(other.removeMember());
    }

    private static TeamEvent setPartner(SetPartnerTeam command, Team team, Instant now) {
        if (TeamDecider.blank(command.partnerTeamId())) {
            throw new InvalidCommandException("partnerTeamId", "must not be blank");
        }
        if (command.partnerTeamId().equals(team.id())) {
            throw new InvalidCommandException("partnerTeamId", "a team cannot be its own partner");
        }
        if (!command.partnerExists()) {
            throw new InvalidCommandException("partnerTeamId", "no team '" + command.partnerTeamId() + "'");
        }
        return new TeamEvent.PartnerTeamSet(team.id(), command.partnerTeamId(), now);
    }

    private static void knownMember(Team team, String handle, String field) {
        if (TeamDecider.blank(handle)) {
            throw new InvalidCommandException(field, "must not be blank");
        }
        if (team.member(handle).isEmpty()) {
            throw new InvalidCommandException(field, "'" + handle + "' is not a member of the team");
        }
    }

    private static LocalTime time(String value, LocalTime fallback, String field) {
        if (value == null) {
            return fallback;
        }
        try {
            return LocalTime.parse(TeamDecider.handoffTimeOrThrow(value, field));
        } catch (RuntimeException e) {
            throw new InvalidCommandException(field, "must be a 24-hour time HH:mm, e.g. 18:00");
        }
    }

    private static Instant effectiveFrom(Instant requested, Instant now) {
        if (requested == null) {
            return now;
        }
        if (requested.isBefore(now)) {
            throw new InvalidCommandException("effectiveFrom", "must not be in the past: days already started keep their plan");
        }
        return requested;
    }
}
