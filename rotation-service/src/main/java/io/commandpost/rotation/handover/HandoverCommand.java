package io.commandpost.rotation.handover;

import java.util.List;
import java.util.UUID;

/** What can be asked about handovers. Fields are raw input: the decider validates them. */
public sealed interface HandoverCommand {

    String teamId();

    /**
     * The current MRO hands the rest of their shift over with notes. The adapter looks up who receives it
     * and the team's open items and passes them in.
     *
     * @param receiver  null when nobody can receive it
     * @param openItems the references of the team's open queue items
     */
    record Submit(String teamId, String from, String notes, Receiver receiver, List<String> openItems)
            implements HandoverCommand {

        public Submit(String teamId, String from, String notes) {
            this(teamId, from, notes, null, List.of());
        }

        public Submit {
            openItems = openItems == null ? List.of() : List.copyOf(openItems);
        }

        public Submit to(Receiver receiver, List<String> openItems) {
            return new Submit(teamId, from, notes, receiver, openItems);
        }
    }

    /** The receiver takes the handover and its open items. */
    record Accept(String teamId, UUID handoverId, String by) implements HandoverCommand {
    }
}
