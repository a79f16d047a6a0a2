package io.commandpost.platform.command;

/** An aggregate's state and the version of its stream (its ETag); version 0 for a stream with no events. */
public record Versioned<S>(S state, long version) {
}
