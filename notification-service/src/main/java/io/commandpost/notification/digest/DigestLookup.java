package io.commandpost.notification.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the 09:00 announcement reads from the digest projection. */
public interface DigestLookup {

    /** The team's digest between {@code since} and {@code until}, with what is still open at {@code until}. */
    Digest digest(String team, Instant since, Instant until);

    /** Who rests on {@code day} and why, by member. */
    List<Rest> rests(String team, LocalDate day);
}
