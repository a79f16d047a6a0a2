package io.commandpost.incident.directory;

import java.util.List;

/** A member of a team as the team directory (topic commandpost.teams.v1) describes them, with their skills. */
public record DirectoryMember(String team, String handle, String displayName, List<String> skills) {

    public DirectoryMember {
        skills = skills == null ? List.of() : List.copyOf(skills);
    }

    /** True when one of the member's skills is {@code skill}, ignoring case and surrounding blanks. */
    public boolean has(String skill) {
        String wanted = skill.strip();
        return skills.stream().anyMatch(s -> s.strip().equalsIgnoreCase(wanted));
    }
}
