package io.commandpost.notification.contact;

import io.commandpost.notification.oncall.Recipient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The pure rules of who is paged how: a person's contact methods and notification rules turn one page into one
 * delivery per rule, the later ones waiting for an acknowledgement that would drop them. Without rules a person
 * gets the page webhook at once, plus email at once when an address is known and the email channel is on, plus
 * Slack at once when a Slack user is known and Slack pages are on (ADR 0022).
 */
public final class NotificationRules {

    public static final String WEBHOOK = "webhook";
    public static final String EMAIL = "email";
    public static final String SLACK = "slack";
    public static final Set<String> METHODS = Set.of(WEBHOOK, EMAIL, SLACK);
    /** The longest a rule may wait: a day. */
    public static final int MAX_AFTER_MINUTES = 24 * 60;
    public static final int MAX_RULES = 10;
    /** Why an email delivery is recorded SKIPPED while the email channel is off (the same words as NotifyConfig's). */
    public static final String EMAIL_DISABLED = "email channel disabled (commandpost.notify.email.enabled=false)";

    /**
     * One delivery a page becomes for a person.
     *
     * @param recipient  the person with the addresses of their contact methods
     * @param skipReason why it is recorded SKIPPED instead of sent (method off here, no address), or null
     */
    public record Planned(String method, int afterMinutes, Recipient recipient, String skipReason) {

        public boolean deliverable() {
            return skipReason == null;
        }
    }

    private NotificationRules() {
    }

    /** Refuses what cannot be a preference; IllegalArgumentException naming what is wrong. */
    public static void validate(ContactPreference preference) {
        if (preference.rules() == null || preference.rules().isEmpty()) {
            throw new IllegalArgumentException("rules: at least one rule, e.g. [{\"method\":\"email\",\"afterMinutes\":0}]");
        }
        if (preference.rules().size() > MAX_RULES) {
            throw new IllegalArgumentException("rules: at most " + MAX_RULES + " rules");
        }
        Set<NotificationRule> seen = new HashSet<>();
        for (NotificationRule rule : preference.rules()) {
            if (rule == null || rule.method() == null || !METHODS.contains(rule.method())) {
                throw new IllegalArgumentException("rules: method must be one of webhook, email, slack");
            }
            if (rule.afterMinutes() < 0 || rule.afterMinutes() > MAX_AFTER_MINUTES) {
                throw new IllegalArgumentException("rules: afterMinutes must be between 0 and " + MAX_AFTER_MINUTES);
            }
            if (!seen.add(rule)) {
                throw new IllegalArgumentException("rules: " + rule.method() + " after " + rule.afterMinutes()
                        + " minutes is listed twice");
            }
        }
        ContactMethods methods = preference.methods();
        if (methods != null && methods.email() != null && !methods.email().isBlank()
                && !methods.email().matches("[^@\\s<>]+@[^@\\s<>]+")) {
            throw new IllegalArgumentException("methods: email is not an address: " + methods.email());
        }
    }

    /** The person's addresses: what the member set through the API, else the member facts. */
    public static Recipient addresses(Recipient facts, ContactMethods methods) {
        ContactMethods set = methods == null ? ContactMethods.NONE : methods;
        return new Recipient(facts.handle(), facts.displayName(), blankToNull(set.email(), facts.email()),
                blankToNull(set.slackUserId(), facts.slackUserId()));
    }

    /** The rules a person without any follows, given their addresses and the channels this service delivers on. */
    public static List<NotificationRule> defaults(Recipient person, ContactMethods methods, Set<String> available) {
        List<NotificationRule> rules = new ArrayList<>();
        if (methods == null || methods.webhook() == null || methods.webhook()) {
            rules.add(new NotificationRule(WEBHOOK, 0));
        }
        if (person.email() != null && available.contains(EMAIL)) {
            rules.add(new NotificationRule(EMAIL, 0));
        }
        if (person.slackUserId() != null && available.contains(SLACK)) {
            rules.add(new NotificationRule(SLACK, 0));
        }
        return rules;
    }

    /**
     * What one page to a person becomes: one delivery per rule (at once first, then by delay), each either
     * deliverable or with the reason it is recorded SKIPPED.
     */
    public static List<Planned> plan(Recipient facts, Optional<ContactPreference> preference, Set<String> available) {
        ContactMethods methods = preference.map(ContactPreference::methods).orElse(ContactMethods.NONE);
        Recipient person = addresses(facts, methods);
        List<NotificationRule> rules = preference.map(ContactPreference::rules).filter(list -> !list.isEmpty())
                .orElseGet(() -> defaults(person, methods, available));
        if (rules.isEmpty()) { // opted out of the webhook with no other way known: a page still goes somewhere
            rules = List.of(new NotificationRule(WEBHOOK, 0));
        }
        return rules.stream()
                .sorted(Comparator.comparingInt(NotificationRule::afterMinutes))
                .map(rule -> new Planned(rule.method(), rule.afterMinutes(), person, skipReason(rule, person, available)))
                .toList();
    }

    private static String skipReason(NotificationRule rule, Recipient person, Set<String> available) {
        if (EMAIL.equals(rule.method()) && person.email() == null) {
            return "no email address known for " + person.handle();
        }
        if (SLACK.equals(rule.method()) && person.slackUserId() == null) {
            return "no Slack user known for " + person.handle();
        }
        if (!available.contains(rule.method())) {
            return EMAIL.equals(rule.method()) ? EMAIL_DISABLED : rule.method() + " pages are not enabled here";
        }
        return null;
    }

    private static String blankToNull(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
