package io.commandpost.notification.flood;

import java.util.UUID;

/** An alert that wants to page the person on the channel, as page {@code pageId} if it is sent. */
public record FloodCommand(String team, String person, String channel, FloodGate.Request request, UUID pageId) {
}
