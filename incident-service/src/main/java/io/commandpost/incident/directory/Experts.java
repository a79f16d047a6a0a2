package io.commandpost.incident.directory;

import io.commandpost.incident.directory.projection.DirectoryStore;
import io.commandpost.platform.http.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/** Suggests experts for a skill from the team directory projection, and says which teams a person belongs to. */
@ApplicationScoped
public class Experts {

    private final DirectoryStore store;
    private final Clock clock;

    Experts(DirectoryStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Members with {@code skill}: those of {@code team} first, then those on duty, then by handle; without
     * {@code excluded} (the Incident Commander). {@code everywhere} false keeps only {@code team}'s members.
     */
    public List<Expert> suggest(String skill, String team, boolean everywhere, Set<String> excluded) {
        if (skill == null || skill.isBlank()) {
            throw InvalidInputException.field("skill", "must name the skill sought, e.g. ?skill=postgres");
        }
        List<DirectoryMember> members = store.withSkill(skill).stream()
                .filter(m -> everywhere || m.team().equals(team)).toList();
        return TeamDirectory.experts(members, store.onDuty(), skill, team, excluded, clock.instant());
    }

    /** The teams of the directory {@code person} is a member of (empty when none). */
    public List<String> teamsOf(String person) {
        return person == null ? List.of() : store.teamsOf(person.strip());
    }
}
