package io.commandpost.notification.contact;

import java.util.List;

/** A member's contact methods and notification rules, as set through the API. */
public record ContactPreference(ContactMethods methods, List<NotificationRule> rules) {
}
