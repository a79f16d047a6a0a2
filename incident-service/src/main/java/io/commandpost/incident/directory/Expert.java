package io.commandpost.incident.directory;

import java.util.List;

/**
 * A member suggested as an expert.
 *
 * @param onDuty the duties they hold right now ({@code MRO_DAY}, {@code NIGHT_DUTY}); empty when off duty
 */
public record Expert(String handle, String displayName, String team, List<String> skills, List<String> onDuty) {
}
