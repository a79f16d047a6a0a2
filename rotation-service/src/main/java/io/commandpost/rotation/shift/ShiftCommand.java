package io.commandpost.rotation.shift;

import java.time.LocalDate;
import java.util.UUID;

/** What can be asked of a team's handoffs besides their timer. */
public sealed interface ShiftCommand {

    String teamId();

    /**
     * Rule 2: {@code member} was paged at night (the recorded page is already in the plan's inputs), so
     * announce the rest it gets on {@code restDay}, once; {@code cause} is the notification event.
     */
    record AnnounceRestAfterNightPage(String teamId, String member, LocalDate restDay, UUID cause)
            implements ShiftCommand {
    }
}
