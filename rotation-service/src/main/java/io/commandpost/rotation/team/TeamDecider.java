package io.commandpost.rotation.team;

import io.commandpost.events.TeamEvent;
import io.commandpost.platform.command.Decider;
import io.commandpost.platform.domain.NotFoundException;
import io.commandpost.platform.domain.InvalidCommandException;
import io.commandpost.platform.domain.RuleViolationException;
import io.commandpost.rotation.team.TeamCommand.CreateTeam;
import io.commandpost.rotation.team.TeamCommand.NewMember;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides what a team command means given the team's state. Pure: input errors name the command
 * field at fault ({@code members.1.handle}); the HTTP adapter turns it into the request's JSON pointer.
 */
public final class TeamDecider {

    public static final String DEFAULT_HANDOFF = "09:00";
    private static final Pattern TEAM_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm")
            .withResolverStyle(ResolverStyle.STRICT);

    /** The team's rules as the command handler runs them: fold with {@link Team#evolve}, decide below. */
    public static final Decider<TeamCommand, Team, TeamEvent> RULES = new Decider<>() {
        @Override
        public Team initial() {
            return Team.NONE;
        }

        @Override
        public Team evolve(Team state, TeamEvent event) {
            return Team.evolve(state, event);
        }

        @Override
        public List<TeamEvent> decide(TeamCommand command, Team state, Instant now) {
            return TeamDecider.decide(command, state, now);
        }
    };

    private TeamDecider() {
    }

    /** @throws NotFoundException when a change names a team that does not exist */
    public static List<TeamEvent> decide(TeamCommand command, Team state, Instant now) {
        if (command instanceof CreateTeam create) {
            return List.of(create(create, state, now));
        }
        if (!state.exists()) {
            throw new NotFoundException("no team " + command.teamId());
        }
        TeamEvent event = TeamSettingsDecider.decide(command, state, now);
        return TeamSettingsDecider.patternDroppedBy(event, state)
                .map(dropped -> List.of(event, dropped)).orElseGet(() -> List.of(event));
    }

    private static TeamEvent.TeamCreated create(CreateTeam command, Team state, Instant now) {
        if (command.teamId() == null || !TEAM_ID.matcher(command.teamId()).matches()) {
            throw new InvalidCommandException("id", "must be 1-63 lowercase letters, digits or dashes");
        }
        if (state.exists()) {
            throw new RuleViolationException("team " + command.teamId() + " already exists");
        }
        ZoneId zone = zone(command.timeZone(), "timeZone");
        String handoff = handoffTime(command.handoffTime());
        List<TeamEvent.Member> members = members(command.members(), zone);
        List<String> rotation = rotation(command.rotation(), members);
        String name = blank(command.name()) ? command.teamId() : command.name().trim();
        return new TeamEvent.TeamCreated(command.teamId(), name, zone.getId(), members, rotation,
                handoff, now);
    }

    static ZoneId zone(String id, String field) {
        if (blank(id)) {
            throw new InvalidCommandException(field, "must be an IANA time zone such as Europe/Paris");
        }
        try {
            ZoneId zone = ZoneId.of(id);
            if (!ZoneId.getAvailableZoneIds().contains(zone.getId())) {
                // fixed offsets such as +02:00 are valid Java zones but not IANA regions
                throw new DateTimeException(id);
            }
            return zone;
        } catch (DateTimeException e) {
            throw new InvalidCommandException(field, "unknown IANA time zone '" + id + "'");
        }
    }

    /** Parses a strict HH:mm time or throws. */
    static String handoffTimeOrThrow(String value, String field) {
        try {
            return LocalTime.parse(value, HH_MM).format(HH_MM);
        } catch (DateTimeParseException e) {
            throw new InvalidCommandException(field, "must be a 24-hour time HH:mm");
        }
    }

    static String handoffTime(String value) {
        if (value == null) {
            return DEFAULT_HANDOFF;
        }
        try {
            return LocalTime.parse(value, HH_MM).format(HH_MM);
        } catch (DateTimeParseException e) {
            throw new InvalidCommandException("handoffTime", "must be a 24-hour time HH:mm, e.g. 09:00");
        }
    }

    private static List<TeamEvent.Member> members(List<NewMember> submitted, ZoneId teamZone) {
        if (submitted == null || submitted.isEmpty()) {
            throw new InvalidCommandException("members", "a team needs at least one member");
        }
        List<TeamEvent.Member> members = new ArrayList<>();
        Set<String> handles = new HashSet<>();
        for (int i = 0; i < submitted.size(); i++) {
            NewMember member = submitted.get(i);
            String field = "members." + i;
            if (member == null || blank(member.handle())) {
                throw new InvalidCommandException(field + ".handle", "must not be blank");
            }
            if (!handles.add(member.handle())) {
                throw new InvalidCommandException(field + ".handle", "duplicate handle '" + member.handle() + "'");
            }
            String zone = member.timeZone() == null ? teamZone.getId() : zone(member.timeZone(), field + ".timeZone").getId();
            String displayName = blank(member.displayName()) ? member.handle() : member.displayName();
            members.add(new TeamEvent.Member(member.handle(), displayName, member.email(), member.slackUserId(), zone,
                    member.skills()));
        }
        return List.copyOf(members);
    }

    static List<String> rotation(List<String> submitted, List<TeamEvent.Member> members) {
        if (submitted == null || submitted.isEmpty()) {
            return members.stream().map(TeamEvent.Member::handle).toList();
        }
        Set<String> known = new HashSet<>(members.stream().map(TeamEvent.Member::handle).toList());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < submitted.size(); i++) {
            String handle = submitted.get(i);
            if (!known.contains(handle)) {
                throw new InvalidCommandException("rotation." + i, "'" + handle + "' is not a member of the team");
            }
            if (!seen.add(handle)) {
                throw new InvalidCommandException("rotation." + i, "'" + handle + "' is already in the rotation");
            }
        }
        return List.copyOf(submitted);
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
