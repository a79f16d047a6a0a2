package io.commandpost.rotation.calendar;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.TimezoneAssignment;
import biweekly.property.Uid;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;

/**
 * Writes duties as an RFC 5545 calendar: times are team-local with the team zone's TZID and its
 * VTIMEZONE, so clients show the handoff at the same wall-clock time across DST changes.
 */
public final class IcsFeed {

    public static final String MEDIA_TYPE = "text/calendar";
    static final String PRODUCT_ID = "-//CommandPost//rotation-service//EN";

    private IcsFeed() {
    }

    public static String write(String title, ZoneId zone, Instant now, List<Duty> duties) {
        ICalendar calendar = new ICalendar();
        calendar.setProductId(PRODUCT_ID);
        calendar.setMethod("PUBLISH");
        calendar.setName(title);
        calendar.addExperimentalProperty("X-WR-CALNAME", title);
        calendar.addExperimentalProperty("X-WR-TIMEZONE", zone.getId());
        calendar.getTimezoneInfo().setDefaultTimezone(new TimezoneAssignment(TimeZone.getTimeZone(zone),
                ZoneObservances.of(zone, now.minus(FeedDuties.PAST), now.plus(FeedDuties.AHEAD))));
        for (Duty duty : duties) {
            VEvent event = new VEvent();
            // set explicitly: the library's defaults are a random UID and the system time
            event.setUid(new Uid(duty.uid()));
            event.setDateTimeStamp(Date.from(now));
            event.setDateStart(Date.from(duty.start()));
            event.setDateEnd(Date.from(duty.end()));
            event.setSummary(duty.summary());
            event.addCategories(duty.kind().name());
            event.setTransparency(false);
            calendar.addEvent(event);
        }
        return Biweekly.write(calendar).go();
    }
}
