package io.commandpost.platform.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A recognised service API key, and the person it says it acts for ({@value Roles#ON_BEHALF_OF}, or null). */
public class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final ApiKey key;
    private final String onBehalfOf;

    public ApiKeyAuthenticationRequest(ApiKey key, String onBehalfOf) {
        this.key = key;
        this.onBehalfOf = onBehalfOf;
    }

    public ApiKey key() {
        return key;
    }

    public String onBehalfOf() {
        return onBehalfOf;
    }
}
