package io.commandpost.notification.announce;

import io.commandpost.notification.digest.Digest;
import io.commandpost.notification.digest.DigestItem;
import io.commandpost.notification.oncall.Handover;
import io.commandpost.notification.oncall.Recipient;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The 09:00 announcement of one team (ADR 0021): today's MRO with the plan's reason, tonight's night duty when
 * known, who rests and why, the overnight handover and the overnight digest. Rendered as Slack mrkdwn text
 * (the incoming-webhook body and every message's fallback) and as Block Kit blocks. Pure, no I/O.
 *
 * @param planned       whom the rotation planned, when it was someone else than {@code mro} (an override)
 * @param reason        the plan's reason for today's MRO, null when the rotation gave none
 * @param nightDuty     tonight's night duty, empty while it has not started
 * @param handover      the overnight handover: empty when the shift names none
 * @param digest        the overnight digest, null to leave it out
 * @param digestExpected true when the shift names a previous handover (then "not available" is said if unknown)
 */
public record MorningAnnouncement(String teamName, Recipient mro, Optional<Recipient> planned, String reason,
                                  Optional<Recipient> nightDuty, List<Resting> resting, boolean digestExpected,
                                  Optional<Handover> handover, Optional<Recipient> giver, Digest digest) {

    /** Items listed per part of the digest; the rest are counted. */
    static final int LISTED = 10;

    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("d MMM HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** A member who rests today, who covers, and why ({@code REST_AFTER_NIGHT_DUTY}, … or {@code LEAVE}). */
    public record Resting(Recipient member, Recipient covering, String reason) {
    }

    /** The whole announcement as mrkdwn text, one fact per line. */
    public String text() {
        List<String> lines = new ArrayList<>(duty());
        lines.set(0, "Good morning! " + lines.get(0));
        handoverLine().ifPresent(lines::add);
        lines.addAll(digestLines());
        return String.join("\n", lines);
    }

    /** The same as Block Kit: a header, then one section per part (duty, handover, digest). */
    public List<Map<String, Object>> blocks() {
        List<Map<String, Object>> blocks = new ArrayList<>();
        blocks.add(Map.of("type", "header", "text", Map.of("type", "plain_text",
                "text", "Good morning, " + teamName + "!", "emoji", true)));
        blocks.add(section(String.join("\n", duty())));
        handoverLine().ifPresent(line -> blocks.add(section(line)));
        if (digest != null) {
            blocks.add(Map.of("type", "divider"));
            blocks.add(section(String.join("\n", digestLines())));
        }
        return blocks;
    }

    private List<String> duty() {
        List<String> lines = new ArrayList<>();
        lines.add(mroLine());
        planned.ifPresent(p -> lines.add("Planned: " + AnnouncementTexts.name(p) + "; " + AnnouncementTexts.name(mro)
                + " stands in."));
        if (reason != null && !reason.isBlank()) {
            lines.add("Why: " + escape(reason));
        }
        nightDuty.ifPresent(n -> lines.add("Tonight's night duty: " + AnnouncementTexts.mention(n)));
        if (!resting.isEmpty()) {
            lines.add("Resting today: " + String.join("; ", resting.stream().map(MorningAnnouncement::rest).toList()));
        }
        return lines;
    }

    private String mroLine() {
        return "Today's MRO for " + teamName + " is " + AnnouncementTexts.mention(mro);
    }

    private static String rest(Resting rest) {
        String why = "LEAVE".equals(rest.reason()) ? "on leave" : "after " + AnnouncementTexts.restReason(rest.reason());
        String covers = rest.covering() == null ? "" : " (" + AnnouncementTexts.name(rest.covering()) + " covers)";
        return AnnouncementTexts.name(rest.member()) + " " + why + covers;
    }

    private Optional<String> handoverLine() {
        if (!digestExpected) {
            return Optional.empty();
        }
        if (handover.isPresent() && handover.get().handedOver()) {
            Handover h = handover.get();
            String notes = h.notes() == null || h.notes().isBlank() ? "no notes" : h.notes();
            return Optional.of("Overnight handover from " + giver.map(AnnouncementTexts::name).orElse(h.fromMember())
                    + " (" + AnnouncementTexts.openItems(h.openItems()) + "): " + notes);
        }
        return Optional.of("Overnight handover: not available.");
    }

    private List<String> digestLines() {
        List<String> lines = new ArrayList<>();
        if (digest == null) {
            return lines;
        }
        if (digest.quiet()) {
            lines.add("Overnight digest (since " + SINCE.format(digest.since()) + "): quiet, nothing arrived and "
                    + "nothing is open.");
            return lines;
        }
        lines.add("Overnight digest (since " + SINCE.format(digest.since()) + "): " + digest.arrived().size()
                + " arrived, " + digest.closed().size() + " closed, " + digest.stillOpen().size() + " still open");
        part(lines, "Arrived", digest.arrived());
        part(lines, "Closed", digest.closed());
        part(lines, "Still open", digest.stillOpen());
        return lines;
    }

    private static void part(List<String> lines, String title, List<DigestItem> items) {
        if (items.isEmpty()) {
            return;
        }
        lines.add(title + ":");
        items.stream().limit(LISTED).forEach(item -> lines.add("• " + item(item)));
        if (items.size() > LISTED) {
            lines.add("• … and " + (items.size() - LISTED) + " more");
        }
    }

    private static String item(DigestItem item) {
        String kind = Character.toUpperCase(item.kind().charAt(0)) + item.kind().substring(1);
        String title = item.title() == null || item.title().isBlank() ? item.id() : item.title();
        return kind + " <" + item.link() + "|" + escape(title) + ">";
    }

    private static Map<String, Object> section(String mrkdwn) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("type", "section");
        section.put("text", Map.of("type", "mrkdwn", "text", mrkdwn.length() > 3000
                ? mrkdwn.substring(0, 2999) + "…" : mrkdwn));
        return section;
    }

    /** Slack's control characters in free text: {@code & < >}. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
