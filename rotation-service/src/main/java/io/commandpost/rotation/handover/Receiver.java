package io.commandpost.rotation.handover;

/** Who a handover goes to: a member of this team or of its follow-the-sun partner team. */
public record Receiver(String teamId, String member) {
}
