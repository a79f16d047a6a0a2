package io.commandpost.notification.paging;

import io.commandpost.events.lifecycle.AlertState;

/**
 * An alert's state as paging saved it (CDI event, fired in the saving transaction): whoever changed it, the tool or
 * a person through the API, a Slack button or a tool's resolve. Observers that act outside the database (updating
 * a Slack message) observe it after the commit.
 */
public record AlertStateChanged(AlertState state) {
}
