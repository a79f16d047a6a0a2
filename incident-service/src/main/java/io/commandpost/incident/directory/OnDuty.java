package io.commandpost.incident.directory;

import java.time.Instant;

/** The latest shift of a kind ({@code MRO_DAY}, {@code NIGHT_DUTY}) that started in a team. */
public record OnDuty(String team, String kind, String member, Instant startsAt, Instant endsAt) {

    public boolean covers(Instant at) {
        return !at.isBefore(startsAt) && (endsAt == null || at.isBefore(endsAt));
    }
}
