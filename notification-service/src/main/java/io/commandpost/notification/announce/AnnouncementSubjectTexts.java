package io.commandpost.notification.announce;

import io.commandpost.notification.delivery.Notification;
import io.commandpost.notification.delivery.Resolution;
import io.commandpost.notification.delivery.SubjectTexts;
import io.commandpost.notification.oncall.OnCallLookup;
import jakarta.inject.Singleton;

/** The texts of reminders and announcements, as the delivery worker asks for them. */
@Singleton
public class AnnouncementSubjectTexts implements SubjectTexts {

    @Override
    public Resolution render(Notification notification, OnCallLookup lookup, boolean graceOver) {
        return SubjectRenderer.render(notification, lookup, graceOver);
    }
}
