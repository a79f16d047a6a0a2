package io.commandpost.rotation.team.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * A bound of leave or an override: an ISO-8601 instant, or a date in the team's zone meaning that
 * whole local day ({@code "from": "2026-12-20"} starts at that day's first instant, {@code "to":
 * "2026-12-22"} ends with that day).
 */
public record DayOrInstant(Instant instant, LocalDate date) {

    @JsonCreator
    public static DayOrInstant parse(String value) {
        if (value == null) {
            return null;
        }
        String text = value.trim();
        try {
            return text.length() == 10 ? new DayOrInstant(null, LocalDate.parse(text))
                    : new DayOrInstant(Instant.parse(text), null);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be an ISO-8601 instant (2026-12-20T09:00:00Z) or a date "
                    + "(2026-12-20: that whole day in the team's zone)", e);
        }
    }

    /** As a start: the instant, or the first instant of the local day. */
    public Instant start(ZoneId zone) {
        return instant != null ? instant : date.atStartOfDay(zone).toInstant();
    }

    /** As an end: the instant, or the first instant of the next local day (the whole day included). */
    public Instant end(ZoneId zone) {
        return instant != null ? instant : date.plusDays(1).atStartOfDay(zone).toInstant();
    }

    @JsonValue
    @Override
    public String toString() {
        return instant != null ? instant.toString() : date.toString();
    }
}
