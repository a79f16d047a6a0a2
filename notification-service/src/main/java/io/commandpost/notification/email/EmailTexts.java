package io.commandpost.notification.email;

import com.fasterxml.jackson.databind.JsonNode;
import io.commandpost.events.Link;
import io.commandpost.notification.delivery.Notification;
import io.commandpost.notification.delivery.PageAlert;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Renders a delivery as a mail. Pure: the same delivery gives the same mail on every attempt, its Message-ID
 * derived from the notification id ({@code <notificationId@domain>}), so a retry reuses it.
 */
public final class EmailTexts {

    /** The fields of an answer delivery's {@code subject} JSON. */
    public static final String ASKER = "asker";
    public static final String THREAD_REF = "threadRef";
    public static final String ORIGINAL_SUBJECT = "subject";
    public static final String QUESTION = "question";
    public static final String ANSWERED_BY = "answeredBy";

    private EmailTexts() {
    }

    public static String messageId(UUID notificationId, String domain) {
        return "<" + notificationId + "@" + domain + ">";
    }

    /** The mail of a delivery to {@code to} (the person's, or the team list's address); empty without one. */
    public static Optional<EmailMessage> render(Notification n, String to, URI apiUrl, String domain) {
        if (to == null || to.isBlank()) {
            return Optional.empty();
        }
        String messageId = messageId(n.notificationId(), domain);
        return Optional.of(switch (n.kind()) {
            case PAGE -> new EmailMessage(to, pageSubject(n), pageText(n, apiUrl), messageId, null);
            case ANSWER -> answer(n, to, messageId);
            default -> {
                String text = plain(n.message());
                yield new EmailMessage(to, "[CommandPost] " + firstLine(text), text
                        + "\n\n-- \nCommandPost, team " + n.team() + "\n", messageId, null);
            }
        });
    }

    private static final Pattern MENTION_IN_PARENS = Pattern.compile(" \\(<@[^<>|\\s]+>\\)");
    private static final Pattern MENTION = Pattern.compile("<@([^<>|\\s]+)>");
    private static final Pattern LINK = Pattern.compile("<([^|<>]+)\\|([^<>]*)>");

    /**
     * Slack mrkdwn (how announcements are rendered) as plain mail text: {@code <url|title>} becomes
     * {@code title (url)}, mentions are dropped where the name stands beside them, entities are unescaped.
     */
    static String plain(String mrkdwn) {
        if (mrkdwn == null) {
            return "";
        }
        String text = MENTION_IN_PARENS.matcher(mrkdwn).replaceAll("");
        text = MENTION.matcher(text).replaceAll("@$1");
        text = LINK.matcher(text).replaceAll("$2 ($1)");
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** {@code [P1] payments: Disk full on db-1}. */
    static String pageSubject(Notification n) {
        PageAlert alert = n.alert();
        String priority = alert.priority() == null ? "page" : alert.priority().name();
        return "[" + priority + "] " + n.team() + ": " + firstLine(alert.summary() == null ? alert.dedupKey()
                : alert.summary());
    }

    static String pageText(Notification n, URI apiUrl) {
        PageAlert alert = n.alert();
        StringBuilder text = new StringBuilder();
        text.append(alert.priority() == null ? "Page" : alert.priority().name() + " alert").append(" for team ")
                .append(n.team()).append(": ").append(alert.summary() == null ? alert.dedupKey() : alert.summary())
                .append("\n\n");
        text.append("Alert:   ").append(alert.dedupKey()).append('\n');
        if (alert.startsAt() != null) {
            text.append("Started: ").append(alert.startsAt()).append('\n');
        }
        if (alert.links() != null && !alert.links().isEmpty()) {
            text.append("\nLinks:\n");
            for (Link link : alert.links()) {
                text.append("- ").append(link.text() == null || link.text().isBlank() ? link.href()
                        : link.text() + ": " + link.href()).append('\n');
            }
        }
        if (!alert.dedupKey().startsWith("follow-up/")) {
            String base = stripSlash(apiUrl.toString()) + "/v1/teams/" + segment(n.team()) + "/alerts/"
                    + segment(alert.dedupKey());
            text.append("\nTo acknowledge (stops the escalation), signed in as yourself:\n")
                    .append("  curl -X POST -H 'Authorization: Bearer <your token>' ")
                    .append(base).append("/acknowledge\n")
                    .append("Resolve: POST ").append(base).append("/resolve\n")
                    .append("Escalate now: POST ").append(base).append("/escalate\n");
        }
        text.append("\n-- \nCommandPost page ").append(n.notificationId())
                .append(" (a retry comes with the same Message-ID)\n");
        return text.toString();
    }

    private static EmailMessage answer(Notification n, String to, String messageId) {
        JsonNode subject = n.subject();
        String original = text(subject, ORIGINAL_SUBJECT);
        String title = original == null || original.isBlank() ? "your question to the MRO of " + n.team() : original;
        String reSubject = title.regionMatches(true, 0, "Re:", 0, 3) ? title : "Re: " + title;
        StringBuilder text = new StringBuilder(n.message() == null ? "" : n.message()).append("\n\n");
        String by = text(subject, ANSWERED_BY);
        text.append("-- ").append(by == null ? "the MRO" : by).append(", MRO of ").append(n.team()).append('\n');
        String question = text(subject, QUESTION);
        if (question != null) {
            text.append('\n');
            question.lines().forEach(line -> text.append("> ").append(line).append('\n'));
        }
        return new EmailMessage(to, reSubject, text.toString(), messageId, angle(text(subject, THREAD_REF)));
    }

    /** A Message-ID in angle brackets, as In-Reply-To and References want it; null stays null. */
    static String angle(String messageId) {
        if (messageId == null || messageId.isBlank()) {
            return null;
        }
        String id = messageId.strip();
        return id.startsWith("<") ? id : "<" + id + ">";
    }

    private static String text(JsonNode node, String field) {
        return node == null || !node.hasNonNull(field) ? null : node.get(field).asText();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 150 ? line.substring(0, 149) + "…" : line;
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
