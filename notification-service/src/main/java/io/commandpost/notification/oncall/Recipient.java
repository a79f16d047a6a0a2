package io.commandpost.notification.oncall;

/** Who a page goes to, with the contact details the receiver needs. Details are null while unknown. */
public record Recipient(String handle, String displayName, String email, String slackUserId) {
}
