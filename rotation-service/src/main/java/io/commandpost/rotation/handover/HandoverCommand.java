package io.commandpost.rotation.handover;

import java.util.UUID;

/** What can be asked about handovers. Fields are raw input: the decider validates them. */
public sealed interface HandoverCommand {

    String teamId();

    /** The current MRO hands the rest of their shift over with notes. */
    record Submit(String teamId, String from, String notes) implements HandoverCommand {
    }

    /** The receiver takes the handover and its open items. */
    record Accept(String teamId, UUID handoverId, String by) implements HandoverCommand {
    }
}
