package io.commandpost.ingest.intake;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The timestamp variants senders really use: RFC 3339 with up to nanoseconds, {@code Z} or an
 * offset with or without colon (PagerDuty's {@code +0000}), a space instead of {@code T}; Go's zero
 * time ({@code 0001-01-01T00:00:00Z}, Alertmanager's "no end yet") means unset.
 */
public final class Timestamps {

    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    private static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    private Timestamps() {
    }

    /** @return the instant, or null for absent, blank or Go zero time; a 400 naming the pointer otherwise */
    public static Instant parse(String value, String pointer) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Instant instant = OffsetDateTime.parse(value.trim(), FORMAT).toInstant();
            return instant.equals(GO_ZERO_TIME) ? null : instant;
        } catch (DateTimeParseException e) {
            throw RejectedBodyException.field(pointer, "not an RFC 3339 timestamp: '" + value + "'");
        }
    }
}
