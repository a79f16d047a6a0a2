package io.commandpost.ingest.generic;

import io.commandpost.ingest.mapping.GenericMapping;

import io.commandpost.ingest.integration.Integration;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each generic integration's mapping, compiled once per version of the integration (JSONPaths are not
 * cheap to compile) rather than on every webhook call. An edit bumps the version, so the next call
 * compiles the new mapping. One entry per generic integration this replica has served.
 */
@ApplicationScoped
public class GenericMappings {

    private final Map<UUID, Compiled> compiled = new ConcurrentHashMap<>();

    public GenericMapping of(Integration integration) {
        Compiled known = compiled.get(integration.id());
        if (known != null && known.version() == integration.version()) {
            return known.mapping();
        }
        GenericMapping mapping = GenericMapping.parse(integration.settings().mapping(), "/mapping", null);
        compiled.put(integration.id(), new Compiled(integration.version(), mapping));
        return mapping;
    }

    private record Compiled(long version, GenericMapping mapping) {
    }
}
