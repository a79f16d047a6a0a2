package io.commandpost.notification.digest;

/**
 * Someone who does not take their MRO turn on a day, and why.
 *
 * @param reason {@code REST_AFTER_NIGHT_DUTY}, {@code REST_AFTER_NIGHT_PAGE} (rotation's rest rule) or
 *               {@link #LEAVE} (the turn was skipped for leave)
 */
public record Rest(String member, String covering, String reason) {

    public static final String LEAVE = "LEAVE";
}
