package io.commandpost.ingest.integration.api;

/** Body of {@code POST /v1/integrations}. Strings here, checked by the resource, so that errors name the field. */
public record IntegrationRequest(String team, String type, String name, String defaultPriority) {
}
