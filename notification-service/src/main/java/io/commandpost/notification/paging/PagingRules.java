package io.commandpost.notification.paging;

import io.commandpost.notification.delivery.DeliveryStatus;
import io.commandpost.notification.oncall.Recipient;
import java.util.Optional;

/** Whether a fired alert pages someone: pure, no I/O. */
public final class PagingRules {

    public static final String NO_MRO = "no MRO on duty";

    private PagingRules() {
    }

    /** What to do about one AlertReceived. */
    public sealed interface Decision permits Page, CannotPage, AlreadyPaged {
    }

    /** A new alert (or one whose earlier page failed): page the MRO. */
    public record Page(Recipient recipient) implements Decision {
    }

    /** A new alert but nobody to page: recorded as a failed notification, never dropped silently. */
    public record CannotPage(String reason) implements Decision {
    }

    /** A repeat of an alert that is open and whose page is pending or sent: nobody is paged again. */
    public record AlreadyPaged(OpenPage page) implements Decision {
    }

    public static Decision onAlertReceived(Optional<OpenPage> open, Optional<Recipient> currentMro) {
        if (open.isPresent() && open.get().status() != DeliveryStatus.FAILED) {
            return new AlreadyPaged(open.get());
        }
        return currentMro.<Decision>map(Page::new).orElseGet(() -> new CannotPage(NO_MRO));
    }
}
