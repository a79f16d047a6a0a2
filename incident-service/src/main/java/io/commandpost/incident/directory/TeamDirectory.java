package io.commandpost.incident.directory;

import io.commandpost.events.ShiftEvent;
import io.commandpost.events.TeamEvent;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The team directory's pure rules: which members an event of {@code commandpost.teams.v1} describes, which
 * shift is a team's latest, and whom to suggest as an expert for a skill.
 */
public final class TeamDirectory {

    private TeamDirectory() {
    }

    /** The members a team event (re)describes: all of a created team, the one added or updated; else none. */
    public static List<DirectoryMember> membersOf(TeamEvent event) {
        if (event instanceof TeamEvent.TeamCreated created) {
            return created.members() == null ? List.of()
                    : created.members().stream().map(m -> member(created.teamId(), m)).toList();
        }
        if (event instanceof TeamEvent.MemberAdded added) {
            return List.of(member(added.teamId(), added.member()));
        }
        if (event instanceof TeamEvent.MemberUpdated updated) {
            return List.of(member(updated.teamId(), updated.member()));
        }
        return List.of();
    }

    /** The later of the shift known and the one that started (by start, so a replay in any order agrees). */
    public static OnDuty latest(Optional<OnDuty> current, ShiftEvent.ShiftStarted started) {
        OnDuty next = new OnDuty(started.teamId(), started.kind().name(), started.member(), started.startsAt(),
                started.endsAt());
        return current.filter(known -> !known.startsAt().isBefore(next.startsAt())).orElse(next);
    }

    /**
     * Members with the skill, minus {@code excluded} (the Incident Commander never remediates); members of
     * {@code team} first, then those on duty at {@code now}, then by handle. Each notes the duties held now.
     */
    public static List<Expert> experts(Collection<DirectoryMember> members, Collection<OnDuty> duties, String skill,
                                       String team, Set<String> excluded, Instant now) {
        return members.stream()
                .filter(m -> m.has(skill) && !excluded.contains(m.handle()))
                .map(m -> new Expert(m.handle(), m.displayName(), m.team(), m.skills(), duties.stream()
                        .filter(d -> d.team().equals(m.team()) && d.member().equals(m.handle()) && d.covers(now))
                        .map(OnDuty::kind).sorted().toList()))
                .sorted(Comparator.comparing((Expert e) -> !e.team().equals(team))
                        .thenComparing(e -> e.onDuty().isEmpty())
                        .thenComparing(Expert::handle)
                        .thenComparing(Expert::team))
                .toList();
    }

    private static DirectoryMember member(String team, TeamEvent.Member member) {
        return new DirectoryMember(team, member.handle(), member.displayName(), member.skills());
    }
}
