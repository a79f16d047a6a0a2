package io.commandpost.notification.delivery;

import io.commandpost.notification.oncall.OnCallLookup;

/**
 * Renders the text (and, for reminders, the recipient) of a delivery that is about something else than
 * an alert. The delivery package only knows this port; the features that create such deliveries
 * (announcements, reminders) provide it, so the dependency points from them to delivery, never back.
 */
@FunctionalInterface
public interface SubjectTexts {

    Resolution render(Notification notification, OnCallLookup lookup, boolean graceOver);
}
