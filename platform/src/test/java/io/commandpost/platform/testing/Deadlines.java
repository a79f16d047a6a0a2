package io.commandpost.platform.testing;

import io.commandpost.events.ShiftEvent;
import io.commandpost.platform.command.Aggregate;
import io.commandpost.platform.command.Decider;
import io.commandpost.platform.domain.RuleViolationException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test aggregate with a deadline per item (the shape of a handover's acceptance or an escalation step),
 * built on registered events of the "shift" stream type: {@code Give} records an item due at a time, its
 * timer fires the tick that reports it overdue once, carrying the due time and the firing time.
 */
@ApplicationScoped
public class Deadlines implements Aggregate<Deadlines.Give, Deadlines.State, ShiftEvent> {

    public static final String NAME = "test-deadlines";

    /** Records item {@code id} due at {@code dueAt}; {@code beforeDeciding} lets a test hold the decision. */
    public record Give(UUID id, Instant dueAt, Runnable beforeDeciding) {
        public Give(UUID id, Instant dueAt) {
            this(id, dueAt, () -> { });
        }
    }

    /** Items not reported overdue yet, by id, with their due time; and how many were reported. */
    public record State(Map<UUID, Instant> pending, int reported) {
    }

    private final AtomicInteger failingTicks = new AtomicInteger();

    /** Makes the next {@code ticks} ticks fail after the claim (a replica dying before its append). */
    public void failNextTicks(int ticks) {
        failingTicks.set(ticks);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String streamType() {
        return "shift";
    }

    @Override
    public Class<ShiftEvent> eventType() {
        return ShiftEvent.class;
    }

    @Override
    public Decider<Give, State, ShiftEvent> decider(String streamId) {
        return new Decider<>() {
            @Override
            public State initial() {
                return new State(Map.of(), 0);
            }

            @Override
            public State evolve(State state, ShiftEvent event) {
                Map<UUID, Instant> pending = new LinkedHashMap<>(state.pending());
                if (event instanceof ShiftEvent.ShiftHandedOver given) {
                    pending.put(given.handoverId(), given.acceptBy());
                    return new State(pending, state.reported());
                }
                if (event instanceof ShiftEvent.HandoverAcceptanceOverdue overdue) {
                    pending.remove(overdue.handoverId());
                    return new State(pending, state.reported() + 1);
                }
                return state;
            }

            @Override
            public List<ShiftEvent> decide(Give command, State state, Instant now) {
                command.beforeDeciding().run();
                if (state.pending().containsKey(command.id())) {
                    throw new RuleViolationException("id", "item " + command.id() + " is already pending");
                }
                return List.of(new ShiftEvent.ShiftHandedOver(streamId, UUID.randomUUID(), command.id(), "alice",
                        streamId, "bob", "", List.of(), command.dueAt(), now));
            }

            @Override
            public List<ShiftEvent> tick(State state, Instant now) {
                if (failingTicks.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    throw new IllegalStateException("replica died between claim and append");
                }
                List<ShiftEvent> overdue = new ArrayList<>();
                state.pending().forEach((id, dueAt) -> {
                    if (!now.isBefore(dueAt)) {
                        overdue.add(new ShiftEvent.HandoverAcceptanceOverdue(streamId, id, streamId, "bob", dueAt,
                                now));
                    }
                });
                return overdue;
            }

            @Override
            public Optional<Instant> wakeAt(State state) {
                return state.pending().values().stream().min(Instant::compareTo);
            }
        };
    }
}
