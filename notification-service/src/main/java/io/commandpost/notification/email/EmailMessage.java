package io.commandpost.notification.email;

/**
 * One mail as it leaves: the same for every attempt of a delivery, Message-ID included, so a receiver that
 * gets a retried mail twice can tell it is one.
 *
 * @param inReplyTo the Message-ID this mail answers (set as In-Reply-To and References), or null
 */
public record EmailMessage(String to, String subject, String text, String messageId, String inReplyTo) {
}
