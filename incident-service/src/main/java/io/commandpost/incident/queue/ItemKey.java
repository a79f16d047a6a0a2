package io.commandpost.incident.queue;

/** The natural key of a queue item: an alert's is (team, dedup key), others' their aggregate id. */
public record ItemKey(String team, ItemKind kind, String id) {

    public ItemKey {
        if (team == null || team.isBlank() || kind == null || id == null || id.isBlank()) {
            throw new IllegalArgumentException("a queue item needs a team, a kind and an id");
        }
    }
}
