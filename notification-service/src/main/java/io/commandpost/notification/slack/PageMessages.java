package io.commandpost.notification.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import io.commandpost.events.Link;
import io.commandpost.events.lifecycle.AlertState;
import io.commandpost.notification.delivery.PageAlert;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A page as a Block Kit message, pure: the alert, its state and, while it is open, the buttons Acknowledge,
 * Resolve and Escalate. Each button's {@code action_id} names the act ({@code commandpost.acknowledge} …) and its
 * {@code value} the alert ({@code <team>/<dedupKey>}): Slack caps action ids at 255 characters, values at 2,000.
 */
public final class PageMessages {

    public static final String ACTION_PREFIX = "commandpost.";
    public static final String ACKNOWLEDGE = ACTION_PREFIX + "acknowledge";
    public static final String RESOLVE = ACTION_PREFIX + "resolve";
    public static final String ESCALATE = ACTION_PREFIX + "escalate";
    /** A flood follow-up's button: acknowledge every alert it folds that is still open and not acknowledged. */
    public static final String ACKNOWLEDGE_ALL = ACTION_PREFIX + "acknowledge-all";
    /** A flood follow-up's link button to the team's queue (Slack reports the click; nothing to run). */
    public static final String OPEN_LIST = ACTION_PREFIX + "open-list";
    /** Follow-up pages (a flood window's summary) name many alerts: their own message ({@link #followUp}). */
    static final String FOLLOW_UP = "follow-up/";
    /** How many folded alerts a follow-up names, each linked; then how many more. */
    static final int NAMED = 10;
    private static final int MAX_KEY = 80;

    /** A message: the fallback text (notifications, screen readers) and its blocks. */
    public record Message(String text, List<LayoutBlock> blocks) {
    }

    /** Which alert a button press is about. */
    public record AlertRef(String team, String dedupKey) {

        public String value() {
            return team + "/" + dedupKey;
        }

        /** The alert a button's value names, empty when it names none. */
        public static Optional<AlertRef> parse(String value) {
            int slash = value == null ? -1 : value.indexOf('/');
            if (slash <= 0 || slash == value.length() - 1) {
                return Optional.empty();
            }
            return Optional.of(new AlertRef(value.substring(0, slash), value.substring(slash + 1)));
        }
    }

    private PageMessages() {
    }

    /** The page for an alert in a state (null: as first paged, open and not acknowledged). */
    public static Message page(String team, PageAlert alert, AlertState state) {
        String priority = alert.priority() == null ? "" : "*" + alert.priority() + "* ";
        String summary = state != null && state.summary() != null ? state.summary() : alert.summary();
        String status = status(state);
        String text = (alert.priority() == null ? "" : alert.priority() + " ") + summary + " (" + team + ", "
                + status + ")";
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(priority + escape(summary)))));
        List<String> facts = new ArrayList<>();
        facts.add("Team *" + escape(team) + "*");
        facts.add("`" + escape(alert.dedupKey()) + "`");
        facts.add(status);
        blocks.add(context(c -> c.elements(List.of(markdownText(String.join("  ·  ", facts))))));
        if (alert.links() != null && !alert.links().isEmpty()) {
            List<String> links = new ArrayList<>();
            for (Link link : alert.links()) {
                links.add("<" + link.href() + "|" + escape(link.text() == null ? link.href() : link.text()) + ">");
            }
            blocks.add(section(s -> s.text(markdownText(String.join("  ", links)))));
        }
        boolean open = state == null || state.isOpen();
        if (open && !alert.dedupKey().startsWith(FOLLOW_UP)) {
            String value = new AlertRef(team, alert.dedupKey()).value();
            List<BlockElement> buttons = new ArrayList<>();
            if (state == null || !state.isAcknowledged()) {
                buttons.add(button(b -> b.actionId(ACKNOWLEDGE).text(plainText("Acknowledge")).value(value)
                        .style("primary")));
            }
            buttons.add(button(b -> b.actionId(RESOLVE).text(plainText("Resolve")).value(value)));
            buttons.add(button(b -> b.actionId(ESCALATE).text(plainText("Escalate")).value(value).style("danger")));
            blocks.add(actions(a -> a.blockId("commandpost.page").elements(buttons)));
        }
        return new Message(text, blocks);
    }

    /** True for the page of a flood window's follow-up (it stands for many alerts). */
    public static boolean isFollowUp(PageAlert alert) {
        return alert.dedupKey().startsWith(FOLLOW_UP);
    }

    /**
     * A flood window's follow-up: how many alerts and which (the first ten, each linked, then how many more), with
     * the buttons Acknowledge all (until someone pressed it) and Open the list (the team's queue).
     *
     * @param linkOf         where a folded alert opens, by dedup key
     * @param acknowledgedBy who acknowledged them through the button, with how many; null while nobody did
     */
    public static Message followUp(String team, PageAlert summary, List<String> dedupKeys,
                                   java.util.function.UnaryOperator<String> linkOf, String listLink,
                                   String acknowledgedBy) {
        String text = summary.summary() + " (" + team + (acknowledgedBy == null ? "" : ", " + acknowledgedBy) + ")";
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText("*Follow-up* " + escape(summary.summary())))));
        if (!dedupKeys.isEmpty()) {
            StringBuilder list = new StringBuilder();
            for (String key : dedupKeys.subList(0, Math.min(NAMED, dedupKeys.size()))) {
                String shown = key.length() > MAX_KEY ? key.substring(0, MAX_KEY) + "…" : key;
                list.append("• <").append(linkOf.apply(key)).append('|').append(escape(shown)).append(">\n");
            }
            if (dedupKeys.size() > NAMED) {
                list.append("… and ").append(dedupKeys.size() - NAMED).append(" more");
            }
            String lines = list.toString().strip();
            blocks.add(section(s -> s.text(markdownText(lines))));
        }
        List<String> facts = new ArrayList<>();
        facts.add("Team *" + escape(team) + "*");
        facts.add(dedupKeys.size() + (dedupKeys.size() == 1 ? " alert" : " alerts"));
        if (acknowledgedBy != null) {
            facts.add(escape(acknowledgedBy));
        }
        blocks.add(context(c -> c.elements(List.of(markdownText(String.join("  ·  ", facts))))));
        List<BlockElement> buttons = new ArrayList<>();
        if (acknowledgedBy == null) {
            String value = new AlertRef(team, summary.dedupKey()).value();
            buttons.add(button(b -> b.actionId(ACKNOWLEDGE_ALL).text(plainText("Acknowledge all")).value(value)
                    .style("primary")));
        }
        buttons.add(button(b -> b.actionId(OPEN_LIST).text(plainText("Open the list")).url(listLink)));
        blocks.add(actions(a -> a.blockId("commandpost.follow-up").elements(buttons)));
        return new Message(text, blocks);
    }

    /** The state in words. */
    static String status(AlertState state) {
        if (state == null) {
            return "open, not acknowledged";
        }
        if (!state.isOpen()) {
            return "resolved by " + who(state.resolvedBy());
        }
        if (state.isAcknowledged()) {
            return "acknowledged by " + who(state.acknowledgedBy());
        }
        return "open, not acknowledged";
    }

    private static String who(String actor) {
        return actor == null ? "someone" : actor.startsWith("tool:") ? actor.substring(5) : actor;
    }

    /** Slack's three control characters in mrkdwn. */
    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
