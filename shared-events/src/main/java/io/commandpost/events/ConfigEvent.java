package io.commandpost.events;

import java.time.Instant;
import java.util.UUID;

/**
 * CommandPost's own configuration that services keep as rows, not events (integrations, paging policies and flood
 * settings, contact methods, team channels, Slack settings): each change is recorded as one of these, in the store
 * of the service that owns the setting, so the audit shows it. Every change is its own aggregate, like a reported
 * {@link ChangeEvent}. Never carries a secret (a token, a signing secret): the summary says only that it changed.
 */
public sealed interface ConfigEvent extends DomainEvent {

    UUID changeId();

    @Override
    default String aggregateId() {
        return changeId().toString();
    }

    /**
     * A setting changed.
     *
     * @param team      the team the setting belongs to; null for a setting of no team (a Slack workspace)
     * @param what      the kind of setting: {@code integration}, {@code paging-policy}, {@code contact-methods},
     *                  {@code team-channels}, {@code team-slack}, {@code slack-workspace}
     * @param key       which one: an integration id, a team, {@code <team>/<handle>}, a Slack workspace id
     * @param change    what was done to it: {@code created}, {@code updated}, {@code token-rotated},
     *                  {@code revoked}, {@code deleted}
     * @param summary   the change as people read it, without secrets
     * @param changedBy who changed it, as the credential said (the envelope's actor)
     */
    record ConfigurationChanged(
            UUID changeId,
            String team,
            String what,
            String key,
            String change,
            String summary,
            String changedBy,
            Instant changedAt) implements ConfigEvent {
    }
}
