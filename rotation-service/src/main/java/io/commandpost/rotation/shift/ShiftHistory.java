package io.commandpost.rotation.shift;

import io.commandpost.events.ShiftEvent;
import io.commandpost.events.ShiftKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runtime state of a team: the shifts that actually started (stream "shift", id = team id), oldest
 * first, and the stream's version for the next expected-version append.
 */
public record ShiftHistory(List<ShiftEvent.ShiftStarted> started, long version) {

    public static final ShiftHistory EMPTY = new ShiftHistory(List.of(), 0);

    public ShiftHistory {
        started = List.copyOf(started);
    }

    public static ShiftHistory evolve(ShiftHistory state, ShiftEvent event, long version) {
        if (event instanceof ShiftEvent.ShiftStarted shift) {
            List<ShiftEvent.ShiftStarted> next = new ArrayList<>(state.started);
            next.add(shift);
            return new ShiftHistory(next, version);
        }
        return new ShiftHistory(state.started, version);
    }

    /** The last shift of that kind that started, if any. */
    public Optional<ShiftEvent.ShiftStarted> last(ShiftKind kind) {
        for (int i = started.size() - 1; i >= 0; i--) {
            if (started.get(i).kind() == kind) {
                return Optional.of(started.get(i));
            }
        }
        return Optional.empty();
    }
}
