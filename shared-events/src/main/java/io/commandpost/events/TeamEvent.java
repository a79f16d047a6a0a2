package io.commandpost.events;

import java.time.Instant;
import java.util.List;

/** Teams, their members and their MRO rotation (configuration, not runtime state). */
public sealed interface TeamEvent extends DomainEvent {

    String teamId();

    @Override
    default String aggregateId() {
        return teamId();
    }

    /** A member as the rest of the system needs to know them (to page, to mention). */
    record Member(String handle, String displayName, String email, String slackUserId, String timeZone) {
    }

    /**
     * A team was created with its members and its daily MRO rotation.
     *
     * @param rotation   member handles in rotation order
     * @param handoffTime local time of the daily handoff, ISO-8601 ({@code 09:00})
     */
    record TeamCreated(
            String teamId,
            String name,
            String timeZone,
            List<Member> members,
            List<String> rotation,
            String handoffTime,
            Instant createdAt) implements TeamEvent {
    }
}
