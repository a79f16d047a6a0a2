package io.commandpost.notification.contact;

/**
 * One of a person's notification rules: page on {@code method} ({@code webhook}, {@code email}, {@code slack})
 * {@code afterMinutes} after the page, if the alert was not acknowledged or resolved by then (0: at once).
 */
public record NotificationRule(String method, int afterMinutes) {
}
