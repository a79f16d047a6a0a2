package io.commandpost.rotation.handover.openitems;

import java.time.Instant;
import java.util.Locale;

/**
 * One item of a team's queue as far as a handover cares: is it still open. Alerts close when
 * resolved; questions and incidents have no closing event yet, so they stay open.
 *
 * @param lastStartsAt for an alert, when its latest firing started (tells a late copy from a re-fire)
 * @param resolvedBy   for a closed alert, who closed it: a person's handle or {@code tool:<integration>}
 */
public record OpenItem(String team, Kind kind, String itemId, boolean open, Instant openedAt, Instant lastStartsAt,
                       Instant closedAt, String resolvedBy) {

    public enum Kind { ALERT, INCIDENT, QUESTION }

    /** The natural key of an item. */
    public record Key(String team, Kind kind, String itemId) {
    }

    public Key key() {
        return new Key(team, kind, itemId);
    }

    /** How a handover names the item: {@code alert:<dedup key>}, {@code question:<id>}, {@code incident:<id>}. */
    public String reference() {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + itemId;
    }
}
