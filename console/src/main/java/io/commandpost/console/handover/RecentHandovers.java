package io.commandpost.console.handover;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The handovers written through this console, per team, newest first (at most 10), so the receiver finds the one
 * to accept. rotation-service has no "list a team's handovers" endpoint yet; until it has, a console restart
 * forgets them (the handover itself is safe in rotation's event store and reachable by its id).
 */
@ApplicationScoped
public class RecentHandovers {

    private static final int KEEP = 10;

    private final Map<String, Deque<String>> byTeam = new ConcurrentHashMap<>();

    public void remember(String team, String handoverId) {
        Deque<String> ids = byTeam.computeIfAbsent(team, t -> new ArrayDeque<>());
        synchronized (ids) {
            ids.remove(handoverId);
            ids.addFirst(handoverId);
            while (ids.size() > KEEP) {
                ids.removeLast();
            }
        }
    }

    public List<String> of(String team) {
        Deque<String> ids = byTeam.get(team);
        if (ids == null) {
            return List.of();
        }
        synchronized (ids) {
            return List.copyOf(ids);
        }
    }
}
