package io.commandpost.notification.escalation;

import java.time.Instant;

/**
 * One alert occurrence's escalation (state; the policy it follows is {@link EscalationPolicy}).
 *
 * @param step   the step paged last; -1 before the first
 * @param round  0 on the first pass through the steps
 * @param nextAt when the timer fires next (the next step, or the acknowledgement's timeout); null: none
 * @param group  the Alertmanager group the occurrence opened in; null for other sources
 * @param pages  how many step pages the occurrence had
 */
public record Escalation(String team, String dedupKey, int occurrence, Phase phase, int step, int round,
                         Instant nextAt, String acknowledgedBy, String group, int pages) {

    /** The group key of the occurrence's next page: one per group and page, so a group's alerts are one page. */
    String nextPageGroup() {
        return EscalationDecider.pageGroup(group, pages + 1);
    }

    public enum Phase {
        /** Paging step after step until someone acknowledges. */
        ESCALATING,
        /** Someone took it: quiet until the acknowledgement times out or is withdrawn. */
        ACKNOWLEDGED,
        /** Every step of every round was paged without acknowledgement. */
        EXHAUSTED,
        /** Resolved. */
        STOPPED
    }

    public boolean live() {
        return phase == Phase.ESCALATING || phase == Phase.ACKNOWLEDGED || phase == Phase.EXHAUSTED;
    }
}
