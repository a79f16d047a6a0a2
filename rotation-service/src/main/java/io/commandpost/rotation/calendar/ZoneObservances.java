package io.commandpost.rotation.calendar;

import biweekly.component.DaylightSavingsTime;
import biweekly.component.Observance;
import biweekly.component.StandardTime;
import biweekly.component.VTimezone;
import biweekly.util.DateTimeComponents;
import biweekly.util.UtcOffset;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Locale;
import java.util.TimeZone;

/**
 * A VTIMEZONE for an IANA zone, from the JVM's own tz rules: the offset in force a year before the
 * window, then every transition until a year after it, each as an observance with its exact onset.
 * Listing the transitions (no RRULE) is exact for any zone, including ones whose rules changed.
 */
public final class ZoneObservances {

    private static final Duration MARGIN = Duration.ofDays(366);

    private ZoneObservances() {
    }

    public static VTimezone of(ZoneId zone, Instant from, Instant to) {
        ZoneRules rules = zone.getRules();
        VTimezone component = new VTimezone(zone.getId());
        Instant start = from.minus(MARGIN);
        Instant end = to.plus(MARGIN);
        ZoneOffset initial = rules.getOffset(start);
        LocalDateTime initialOnset = LocalDateTime.ofInstant(start, initial).toLocalDate().atStartOfDay();
        add(component, zone, rules.isDaylightSavings(start), initialOnset, initial, initial);
        for (ZoneOffsetTransition transition = rules.nextTransition(start);
             transition != null && transition.getInstant().isBefore(end);
             transition = rules.nextTransition(transition.getInstant())) {
            // the onset is the local time just before the change, in the offset being left (RFC 5545 3.6.5)
            add(component, zone, rules.isDaylightSavings(transition.getInstant()), transition.getDateTimeBefore(),
                    transition.getOffsetBefore(), transition.getOffsetAfter());
        }
        return component;
    }

    private static void add(VTimezone component, ZoneId zone, boolean daylight, LocalDateTime onset,
                            ZoneOffset offsetFrom, ZoneOffset offsetTo) {
        Observance observance = daylight ? new DaylightSavingsTime() : new StandardTime();
        observance.setDateStart(new DateTimeComponents(onset.getYear(), onset.getMonthValue(), onset.getDayOfMonth(),
                onset.getHour(), onset.getMinute(), onset.getSecond(), false));
        observance.setTimezoneOffsetFrom(new UtcOffset(offsetFrom.getTotalSeconds() * 1000L));
        observance.setTimezoneOffsetTo(new UtcOffset(offsetTo.getTotalSeconds() * 1000L));
        observance.addTimezoneName(TimeZone.getTimeZone(zone).getDisplayName(daylight, TimeZone.SHORT, Locale.ROOT));
        if (daylight) {
            component.addDaylightSavingsTime((DaylightSavingsTime) observance);
        } else {
            component.addStandardTime((StandardTime) observance);
        }
    }
}
