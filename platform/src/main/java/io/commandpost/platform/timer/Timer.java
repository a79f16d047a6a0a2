package io.commandpost.platform.timer;

import java.time.Instant;

/** The next wake of one aggregate's stream: due at {@code dueAt}, {@code attempts} failed ticks so far. */
public record Timer(String aggregate, String streamId, Instant dueAt, int attempts) {
}
