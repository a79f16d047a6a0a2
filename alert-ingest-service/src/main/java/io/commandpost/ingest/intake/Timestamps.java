package io.commandpost.ingest.intake;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Locale;

/**
 * The timestamp variants senders really use: RFC 3339 with up to nanoseconds, {@code Z} or an
 * offset with or without colon (PagerDuty's {@code +0000}), a space instead of {@code T}; Go's zero
 * time ({@code 0001-01-01T00:00:00Z}, Alertmanager's "no end yet") means unset. Lenient where senders
 * differ: a leap second ({@code 23:59:60}, RFC 3339 allows it) is read as the last nanosecond of
 * {@code :59}; a time without a zone is read as UTC, and the caller can record that it was (see
 * {@link #parse(String, String, Collection)}); epoch seconds (a JSON number, or its digits, with an
 * optional fraction) are read as such, and 13-digit epoch milliseconds as milliseconds.
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
    private static final String GO_ZERO_TIME_TEXT = "0001-01-01T00:00:00Z";

    private Timestamps() {
    }

    /** @return the instant, or null for absent, blank or Go zero time; a 400 naming the pointer otherwise */
    public static Instant parse(String value, String pointer) {
        return parse(value, pointer, null);
    }

    /**
     * As {@link #parse(String, String)}; a timestamp without a zone is read as UTC and its pointer added to
     * {@code readAsUtc} (when given), so what was assumed can be recorded with the alert.
     */
    public static Instant parse(String value, String pointer, Collection<String> readAsUtc) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.equals(GO_ZERO_TIME_TEXT)) {
            return null;
        }
        Instant utc = parseCanonicalUtc(value);
        if (utc != null) {
            return utc;
        }
        String text = value.trim();
        Instant epoch = epoch(text);
        if (epoch != null) {
            return epoch;
        }
        boolean leapSecond = text.length() >= 19 && text.startsWith(":60", 16) && Character.isDigit(text.charAt(15));
        if (leapSecond) {
            text = text.substring(0, 17) + "59" + text.substring(19);
        }
        try {
            TemporalAccessor parsed = FORMAT.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
            Instant instant;
            if (parsed instanceof OffsetDateTime offset) {
                instant = offset.toInstant();
            } else {
                instant = ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
                if (readAsUtc != null) {
                    readAsUtc.add(pointer);
                }
            }
            if (leapSecond) {
                instant = instant.with(ChronoField.NANO_OF_SECOND, 999_999_999);
            }
            return instant.equals(GO_ZERO_TIME) ? null : instant;
        } catch (DateTimeParseException e) {
            throw RejectedBodyException.field(pointer, "not an RFC 3339 timestamp: '" + value + "'");
        }
    }

    /** Epoch seconds (up to 11 digits, optional fraction) or 13-digit epoch milliseconds; null otherwise. */
    static Instant epoch(String text) {
        int dot = text.indexOf('.');
        String whole = dot < 0 ? text : text.substring(0, dot);
        String fraction = dot < 0 ? "" : text.substring(dot + 1);
        if (whole.isEmpty() || whole.length() > 13 || fraction.length() > 9 || (dot >= 0 && fraction.isEmpty())
                || !whole.chars().allMatch(Character::isDigit) || !fraction.chars().allMatch(Character::isDigit)) {
            return null;
        }
        if (whole.length() == 13 && fraction.isEmpty()) {
            return Instant.ofEpochMilli(Long.parseLong(whole));
        }
        if (whole.length() > 11) {
            return null;
        }
        long nanos = fraction.isEmpty() ? 0 : Long.parseLong((fraction + "000000000").substring(0, 9));
        return Instant.ofEpochSecond(Long.parseLong(whole), nanos);
    }

    /**
     * The form nearly every sender uses, {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}, read without the
     * formatter (which costs several microseconds per timestamp); null for anything else, which then
     * goes the general way.
     */
    static Instant parseCanonicalUtc(String value) {
        int length = value.length();
        if (length < 20 || length > 30 || value.charAt(length - 1) != 'Z' || value.charAt(4) != '-'
                || value.charAt(7) != '-' || value.charAt(10) != 'T' || value.charAt(13) != ':'
                || value.charAt(16) != ':') {
            return null;
        }
        int year = digits(value, 0, 4);
        int month = digits(value, 5, 7);
        int day = digits(value, 8, 10);
        int hour = digits(value, 11, 13);
        int minute = digits(value, 14, 16);
        int second = digits(value, 17, 19);
        int nanos = 0;
        if (length > 20) {
            if (value.charAt(19) != '.' || length == 21) {
                return null;
            }
            int fraction = digits(value, 20, length - 1);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = length - 1 - 20; i < 9; i++) {
                nanos *= 10;
            }
        } else if (value.charAt(19) != 'Z') {
            return null;
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return java.time.LocalDateTime.of(year, month, day, hour, minute, second, nanos)
                .toInstant(java.time.ZoneOffset.UTC);
    }

    /** The decimal number in {@code value[from, to)}, or -1 when a character is not a digit. */
    private static int digits(String value, int from, int to) {
        int number = 0;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            number = number * 10 + (c - '0');
        }
        return number;
    }
}
