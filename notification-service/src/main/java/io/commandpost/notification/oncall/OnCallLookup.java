package io.commandpost.notification.oncall;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/** What deliveries read from the on-call projection when they resolve their recipient and text. */
public interface OnCallLookup {

    /** The team's current MRO with their contact details. */
    Optional<Recipient> currentMro(String team);

    /** A member's contact details, empty while the member is unknown. */
    Optional<Recipient> member(String team, String handle);

    /** The team's display name, empty while the team is unknown. */
    Optional<String> teamName(String team);

    Optional<Handover> handover(UUID handoverId);

    /** The team's time zone, empty while the team is unknown. */
    default Optional<ZoneId> timeZone(String team) {
        return Optional.empty();
    }

    /** The member whose night duty starts in {@code [from, to)}, empty while rotation has not started one. */
    default Optional<Recipient> nightDutyStarting(String team, Instant from, Instant to) {
        return Optional.empty();
    }
}
