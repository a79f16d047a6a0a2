package io.commandpost.notification.delivery;

import io.commandpost.notification.oncall.OnCallLookup;
import java.time.Instant;

/**
 * Resolves a delivery's recipient and text from the on-call projection at delivery time: pure apart
 * from the lookup. A page without a recipient waits for the team's MRO until its grace period ends,
 * then fails; reminders and announcements wait for the facts they quote, then go out with what is known.
 */
public final class Resolver {

    public static final String NO_MRO = "no MRO on duty";

    private Resolver() {
    }

    public static Resolution resolve(Notification notification, OnCallLookup lookup, SubjectTexts texts,
                                     Instant now) {
        boolean graceOver = notification.resolveUntil() == null || !now.isBefore(notification.resolveUntil());
        if (notification.kind() == DeliveryKind.PAGE) {
            return lookup.currentMro(notification.team())
                    .<Resolution>map(mro -> new Resolution.Ready(mro, null))
                    .orElseGet(() -> graceOver ? new Resolution.GiveUp(NO_MRO) : new Resolution.Wait());
        }
        return texts.render(notification, lookup, graceOver);
    }
}
