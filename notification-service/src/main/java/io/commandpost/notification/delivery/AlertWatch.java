package io.commandpost.notification.delivery;

import java.util.Optional;

/**
 * What the delivery package asks of paging before a delayed page goes out: whether the alert occurrence it
 * was made for still wants it. Paging provides it, so the dependency points from paging to delivery.
 */
@FunctionalInterface
public interface AlertWatch {

    /** Why a page for occurrence {@code occurrence} of the alert is no longer wanted; empty while it is. */
    Optional<String> noLongerWanted(String team, String dedupKey, int occurrence);
}
