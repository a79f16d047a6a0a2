package io.commandpost.events;

/** A link attached to an alert: runbook, dashboard, generator URL, image. */
public record Link(String href, String text) {
}
