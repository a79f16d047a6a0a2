package io.commandpost.platform.command;

import java.util.function.LongPredicate;

/**
 * Which stream versions the caller accepts deciding on: any (the version read in the handler's own
 * transaction), one it saw (an ETag sent back as {@code If-Match}, or a version read before the command).
 */
public record Expected(String description, LongPredicate accepts) {

    public static final Expected ANY = new Expected("any version", version -> true);

    public static Expected version(long version) {
        return new Expected("version " + version, actual -> actual == version);
    }

    public boolean allows(long version) {
        return accepts.test(version);
    }
}
