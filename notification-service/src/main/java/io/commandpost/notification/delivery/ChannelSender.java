package io.commandpost.notification.delivery;

import java.time.Instant;

/**
 * Sends one claimed delivery through one channel (delivery method): {@code webhook}, {@code team-channel},
 * {@code slack}, {@code email}. The delivery worker picks the bean whose {@link #channel()} is the row's
 * {@code channel} column and keeps the retry rules (backoff, attempts, failing for good) itself, the same for
 * every channel. A sender is called in the transaction that holds the row; it must not block for long.
 */
public interface ChannelSender {

    /** The value of the delivery row's {@code channel} this sender serves. */
    String channel();

    /**
     * One attempt. {@link AttemptResult#retryAfter()} asks for the next attempt no sooner than that (a
     * provider's rate limit); {@link AttemptResult#providerMessageId()} is kept with the row, so a retry or a
     * later update can find what the provider already has (see {@link Notification#providerMessageId()}).
     */
    AttemptResult send(Notification notification, Instant now);
}
