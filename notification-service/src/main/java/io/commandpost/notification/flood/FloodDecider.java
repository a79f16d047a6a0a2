package io.commandpost.notification.flood;

import io.commandpost.events.FloodEvent;
import io.commandpost.events.FloodEvent.FloodAlertHeld;
import io.commandpost.events.FloodEvent.FloodAlertJoined;
import io.commandpost.events.FloodEvent.FloodFollowUpSent;
import io.commandpost.events.FloodEvent.FloodPageSent;
import io.commandpost.platform.command.Decider;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link FloodGate} as the decider of one person's channel: its outcomes become events, its follow-up is a
 * platform durable timer ({@code wakeAt}), so held alerts go out even if no other alert ever comes.
 */
public final class FloodDecider implements Decider<FloodCommand, FloodDecider.Window, FloodEvent> {

    /** How many alerts a follow-up names in its text (all of them are in its event). */
    static final int NAMED = 10;

    /** The gate's state plus who the stream is about. */
    public record Window(String team, String person, String channel, FloodGate.State gate) {
    }

    private final Duration window;

    public FloodDecider(Duration window) {
        this.window = window;
    }

    @Override
    public Window initial() {
        return null;
    }

    @Override
    public Window evolve(Window w, FloodEvent event) {
        FloodGate.State gate = w == null ? FloodGate.State.empty() : w.gate();
        FloodGate.State next = gate;
        if (event instanceof FloodPageSent sent) {
            Map<String, UUID> groups = new LinkedHashMap<>(window.isZero() ? gate.groups() : Map.of());
            if (sent.group() != null) {
                groups.put(sent.group(), sent.pageId());
            }
            while (groups.size() > FloodGate.MAX_GROUPS) {
                groups.remove(groups.keySet().iterator().next());
            }
            next = new FloodGate.State(sent.sentAt(), groups, List.of(), null);
        } else if (event instanceof FloodAlertHeld held) {
            List<FloodGate.Request> all = new ArrayList<>(gate.held());
            all.add(new FloodGate.Request(held.dedupKey(), held.summary(), held.group()));
            next = new FloodGate.State(gate.lastPageAt(), gate.groups(), all,
                    gate.lastPageAt() == null ? held.heldAt() : gate.lastPageAt().plus(window));
        } else if (event instanceof FloodFollowUpSent followUp) {
            next = new FloodGate.State(followUp.sentAt(), Map.of(), List.of(), null);
        }
        return new Window(event.team(), event.person(), event.channel(), next);
    }

    @Override
    public List<FloodEvent> decide(FloodCommand c, Window w, Instant now) {
        FloodGate.State gate = w == null ? FloodGate.State.empty() : w.gate();
        FloodGate.Outcome outcome = FloodGate.offer(gate, c.request(), window, c.pageId(), now);
        if (outcome instanceof FloodGate.Send send) {
            return List.of(new FloodPageSent(c.team(), c.person(), c.channel(), send.pageId(), c.request().dedupKey(),
                    c.request().group(), now));
        }
        if (outcome instanceof FloodGate.Join join) {
            return List.of(new FloodAlertJoined(c.team(), c.person(), c.channel(), join.pageId(),
                    c.request().dedupKey(), now));
        }
        if (outcome instanceof FloodGate.FollowUp followUp) {
            // the window had ended with alerts held: this one goes out with them
            return List.of(new FloodAlertHeld(c.team(), c.person(), c.channel(), c.request().dedupKey(),
                    c.request().summary(), c.request().group(), now), followUp(c.team(), c.person(), c.channel(),
                    followUp.alerts(), now));
        }
        return List.of(new FloodAlertHeld(c.team(), c.person(), c.channel(), c.request().dedupKey(),
                c.request().summary(), c.request().group(), now));
    }

    @Override
    public Optional<Instant> wakeAt(Window w) {
        return w == null ? Optional.empty() : Optional.ofNullable(FloodGate.wakeAt(w.gate()));
    }

    @Override
    public List<FloodEvent> tick(Window w, Instant now) {
        if (w == null || FloodGate.tick(w.gate(), UUID.randomUUID(), now) == null) {
            return List.of();
        }
        return List.of(followUp(w.team(), w.person(), w.channel(), w.gate().held(), now));
    }

    private static FloodFollowUpSent followUp(String team, String person, String channel,
                                              List<FloodGate.Request> alerts, Instant now) {
        UUID pageId = UUID.nameUUIDFromBytes(("follow-up:" + FloodEvent.streamId(team, person, channel) + ":" + now)
                .getBytes(StandardCharsets.UTF_8));
        return new FloodFollowUpSent(team, person, channel, pageId,
                alerts.stream().map(FloodGate.Request::dedupKey).toList(), FloodGate.followUpText(alerts, NAMED), now);
    }
}
