package io.commandpost.notification.announce;

import io.commandpost.notification.oncall.Handover;
import io.commandpost.notification.oncall.Recipient;
import java.util.Optional;

/** The words of announcements and reminders: pure, no I/O. Names fall back to handles. */
public final class AnnouncementTexts {

    private AnnouncementTexts() {
    }

    /**
     * "Good morning! Today's MRO for Payments is Alice (<@U1>)" and, when the previous shift ended with
     * a handover, the overnight digest.
     *
     * @param digestExpected true when the shift names a previous handover (shown even if it is unknown)
     */
    public static String goodMorning(String teamName, Recipient mro, boolean digestExpected,
                                     Optional<Handover> previous, Optional<Recipient> giver) {
        StringBuilder text = new StringBuilder("Good morning! Today's MRO for ").append(teamName).append(" is ")
                .append(mention(mro));
        if (digestExpected) {
            text.append('\n');
            if (previous.isPresent() && previous.get().handedOver()) {
                Handover handover = previous.get();
                String notes = handover.notes() == null || handover.notes().isBlank() ? "no notes" : handover.notes();
                text.append("Overnight handover from ").append(giver.map(AnnouncementTexts::name)
                                .orElse(handover.fromMember()))
                        .append(" (").append(openItems(handover.openItems())).append("): ").append(notes);
            } else {
                text.append("Overnight handover: not available.");
            }
        }
        return text.toString();
    }

    /** "alice rests today after night duty; Bob is MRO instead." */
    public static String restRule(Recipient skipped, Recipient covering, String reason) {
        return name(skipped) + " rests today after " + restReason(reason) + "; " + name(covering)
                + " is MRO instead.";
    }

    /** "Please accept the handover from Bob (3 open items)". */
    public static String handoverReminder(Optional<Handover> handover, Optional<Recipient> giver) {
        if (handover.isEmpty() || !handover.get().handedOver()) {
            return "Please accept the handover waiting for you";
        }
        return "Please accept the handover from " + giver.map(AnnouncementTexts::name).orElse(handover.get().fromMember())
                + " (" + openItems(handover.get().openItems()) + ")";
    }

    static String restReason(String reason) {
        if ("REST_AFTER_NIGHT_DUTY".equals(reason)) {
            return "night duty";
        }
        if ("REST_AFTER_NIGHT_PAGE".equals(reason)) {
            return "a night page";
        }
        return reason == null ? "a rest rule" : reason.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    static String openItems(Integer count) {
        int n = count == null ? 0 : count;
        return n + (n == 1 ? " open item" : " open items");
    }

    static String name(Recipient member) {
        return member.displayName() == null || member.displayName().isBlank() ? member.handle() : member.displayName();
    }

    /** The display name and, when known, a Slack mention that notifies the person. */
    static String mention(Recipient member) {
        return member.slackUserId() == null || member.slackUserId().isBlank()
                ? name(member)
                : name(member) + " (<@" + member.slackUserId() + ">)";
    }
}
