package io.commandpost.notification.paging;

import io.commandpost.notification.delivery.DeliveryStatus;
import io.commandpost.notification.oncall.Recipient;
import java.util.Optional;

/** Whether a fired alert pages someone: pure, no I/O. */
public final class PagingRules {

    private PagingRules() {
    }

    /** What to do about one AlertReceived. */
    public sealed interface Decision permits Page, AlreadyPaged {
    }

    /**
     * A new alert (or one whose earlier page failed): page the MRO.
     *
     * @param recipient the current MRO, or null when none is known yet (the alert may have overtaken the
     *                  team's first ShiftStarted): the page then waits for one until its grace period ends
     */
    public record Page(Recipient recipient) implements Decision {
    }

    /** A repeat of an alert that is open and whose page is pending or sent: nobody is paged again. */
    public record AlreadyPaged(OpenPage page) implements Decision {
    }

    public static Decision onAlertReceived(Optional<OpenPage> open, Optional<Recipient> currentMro) {
        if (open.isPresent() && open.get().status() != DeliveryStatus.FAILED) {
            return new AlreadyPaged(open.get());
        }
        return new Page(currentMro.orElse(null));
    }
}
