package io.commandpost.notification.announce;

import io.commandpost.notification.delivery.Notification;
import io.commandpost.notification.delivery.Resolution;
import io.commandpost.notification.delivery.SubjectTexts;
import io.commandpost.notification.oncall.OnCallLookup;
import io.commandpost.notification.config.NotifyConfig;
import io.commandpost.notification.digest.DigestLookup;
import jakarta.inject.Singleton;
import java.time.Duration;

/** The texts of reminders and announcements, as the delivery worker asks for them. */
@Singleton
public class AnnouncementSubjectTexts implements SubjectTexts {

    private final DigestLookup digests;
    private final Duration lookBack;

    AnnouncementSubjectTexts(DigestLookup digests, NotifyConfig config) {
        this.digests = digests;
        this.lookBack = config.digest().lookBack();
    }

    @Override
    public Resolution render(Notification notification, OnCallLookup lookup, boolean graceOver) {
        return SubjectRenderer.render(notification, lookup, digests, lookBack, graceOver);
    }
}
