package io.commandpost.notification.flood;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Flood control for one person on one channel, pure: at most one page per window; what arrives meanwhile is
 * held and goes out as ONE follow-up when the window ends, naming how many alerts and which. The alerts of
 * one Alertmanager group (same group key in one request) join the page their first alert made. Nothing is
 * dropped: every alert is either its own page, joins a page, or is held for the next follow-up.
 * A window of zero pages every alert (groups still join).
 */
public final class FloodGate {

    /** Groups remembered per person and channel: one request's group arrives within moments. */
    static final int MAX_GROUPS = 16;

    private FloodGate() {
    }

    /** An alert that wants to page this person on this channel. {@code group} null: not part of a group. */
    public record Request(String dedupKey, String summary, String group) {
    }

    /**
     * @param lastPageAt  when the last page (or follow-up) went out; null if none yet
     * @param groups      page made by each group seen within the window
     * @param held        alerts waiting for the follow-up
     * @param followUpAt  when the held alerts go out; null while none is held
     */
    public record State(Instant lastPageAt, Map<String, UUID> groups, List<Request> held, Instant followUpAt) {
        public State {
            groups = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(groups)); // oldest first
            held = List.copyOf(held);
        }

        public static State empty() {
            return new State(null, Map.of(), List.of(), null);
        }
    }

    public sealed interface Outcome {
        State state();
    }

    /** Page now, as page {@code pageId}. */
    public record Send(UUID pageId, State state) implements Outcome {
    }

    /** No new page: the alert belongs to the group page {@code pageId}, which lists it. */
    public record Join(UUID pageId, State state) implements Outcome {
    }

    /** Held for the follow-up due at {@code followUpAt}. */
    public record Hold(Instant followUpAt, State state) implements Outcome {
    }

    /** The follow-up that names every held alert, as page {@code pageId}. */
    public record FollowUp(UUID pageId, List<Request> alerts, State state) implements Outcome {
    }

    /**
     * @param pageId the id the page gets if one is sent (derived by the caller from the triggering event, so a
     *               replay gives the same id)
     */
    public static Outcome offer(State s, Request request, Duration window, UUID pageId, Instant now) {
        if (request.group() != null && s.groups().containsKey(request.group())) {
            return new Join(s.groups().get(request.group()), s);
        }
        boolean windowOpen = s.lastPageAt() != null && now.isBefore(s.lastPageAt().plus(window));
        if (window.isZero() || !windowOpen) {
            // a new window: the groups of the last one are over (with no window, groups still join)
            Map<String, UUID> groups = groupsWith(window.isZero() ? s.groups() : Map.of(), request, pageId);
            if (!s.held().isEmpty()) {
                // the window ended while alerts were held: they go out together with this one as the follow-up
                List<Request> all = new ArrayList<>(s.held());
                all.add(request);
                return new FollowUp(pageId, all, new State(now, groups, List.of(), null));
            }
            return new Send(pageId, new State(now, groups, List.of(), null));
        }
        List<Request> held = new ArrayList<>(s.held());
        held.add(request);
        Instant followUpAt = s.lastPageAt().plus(window);
        return new Hold(followUpAt, new State(s.lastPageAt(), s.groups(), held, followUpAt));
    }

    /** When a follow-up is due; null when nothing is held. */
    public static Instant wakeAt(State s) {
        return s.followUpAt();
    }

    /** At the end of the window: the follow-up of the held alerts, or null when nothing is due. */
    public static FollowUp tick(State s, UUID pageId, Instant now) {
        if (s.followUpAt() == null || now.isBefore(s.followUpAt()) || s.held().isEmpty()) {
            return null;
        }
        return new FollowUp(pageId, s.held(), new State(now, Map.of(), List.of(), null));
    }

    /** The text of a follow-up: how many and which (the first {@code named}, then how many more). */
    public static String followUpText(List<Request> alerts, int named) {
        StringBuilder text = new StringBuilder().append(alerts.size()).append(alerts.size() == 1 ? " alert" : " alerts")
                .append(" while you were paged: ");
        for (int i = 0; i < Math.min(named, alerts.size()); i++) {
            Request alert = alerts.get(i);
            text.append(i == 0 ? "" : "; ").append(alert.summary() != null ? alert.summary() : alert.dedupKey());
        }
        if (alerts.size() > named) {
            text.append(" and ").append(alerts.size() - named).append(" more");
        }
        return text.toString();
    }

    private static Map<String, UUID> groupsWith(Map<String, UUID> groups, Request request, UUID pageId) {
        if (request.group() == null) {
            return groups;
        }
        Map<String, UUID> next = new LinkedHashMap<>(groups);
        next.put(request.group(), pageId);
        while (next.size() > MAX_GROUPS) {
            next.remove(next.keySet().iterator().next()); // the oldest group
        }
        return next;
    }
}
