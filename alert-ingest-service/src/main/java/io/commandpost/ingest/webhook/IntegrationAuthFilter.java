package io.commandpost.ingest.webhook;

import io.commandpost.ingest.integration.Integration;
import io.commandpost.ingest.integration.Integrations;
import io.commandpost.platform.http.ApiKeyFilter;
import io.commandpost.platform.http.Problem;
import io.quarkus.arc.ClientProxy;
import io.quarkus.runtime.BlockingOperationControl;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Authenticates webhook calls by integration token before the body is read: an unknown, wrong,
 * revoked or missing token all get the same 401, so a caller learns nothing about which tokens exist.
 */
@Provider
@IntegrationWebhook
@Priority(Priorities.AUTHENTICATION)
public class IntegrationAuthFilter implements ContainerRequestFilter {

    static final String TOKEN_PARAMETER = "token";
    static final String CHALLENGE = "Bearer realm=\"commandpost-integrations\"";

    private final Integrations integrations;
    private final CurrentIntegration current;

    @Context
    ResourceInfo resource;

    IntegrationAuthFilter(Integrations integrations, CurrentIntegration current) {
        this.integrations = integrations;
        this.current = current;
    }

    /**
     * A remembered token is decided on the spot. Otherwise the database is asked: directly on a worker
     * thread (blocking endpoints), and from the event loop (the webhooks that answer from the broker's
     * acknowledgement) by suspending the request, asking on a worker thread and resuming.
     */
    @Override
    public void filter(ContainerRequestContext request) {
        String token = presentedToken(request);
        IntegrationWebhook webhook = webhookOf(resource);
        Optional<Integration> remembered = integrations.remembered(token);
        if (remembered.isPresent() || BlockingOperationControl.isBlockingAllowed()) {
            decide(request, remembered.isPresent() ? remembered : integrations.authenticate(token), webhook, current);
            return;
        }
        // the request context is not active on the worker: set the request's own instance, not the proxy
        CurrentIntegration target = ClientProxy.unwrap(current);
        ResteasyReactiveContainerRequestContext suspended = (ResteasyReactiveContainerRequestContext) request;
        suspended.suspend();
        try {
            Infrastructure.getDefaultWorkerPool().execute(() -> {
                try {
                    decide(request, integrations.authenticate(token), webhook, target);
                    suspended.resume();
                } catch (RuntimeException e) {
                    suspended.resume(e);
                }
            });
        } catch (RuntimeException e) {
            suspended.resume(e);
        }
    }

    private static void decide(ContainerRequestContext request, Optional<Integration> integration,
                               IntegrationWebhook webhook, CurrentIntegration target) {
        if (integration.isEmpty()) {
            request.abortWith(unauthorized());
            return;
        }
        if (!accepts(webhook, integration.get())) {
            request.abortWith(Problem.of(403, "Forbidden", "this token belongs to a "
                    + integration.get().type().wireName() + " integration; post to "
                    + integration.get().type().webhookPath()).toResponse());
            return;
        }
        target.set(integration.get());
    }

    /**
     * The bearer token, or else the {@code token} query parameter, for senders that let a user set
     * only a URL (Sentry, many home-made scripts).
     */
    static String presentedToken(ContainerRequestContext request) {
        String bearer = ApiKeyFilter.bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        return bearer != null ? bearer : request.getUriInfo().getQueryParameters().getFirst(TOKEN_PARAMETER);
    }

    static Response unauthorized() {
        return Problem.of(401, "Unauthorized", "a valid integration token is required")
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).toResponse();
    }

    private static IntegrationWebhook webhookOf(ResourceInfo resource) {
        IntegrationWebhook webhook = resource.getResourceMethod().getAnnotation(IntegrationWebhook.class);
        return webhook != null ? webhook : resource.getResourceClass().getAnnotation(IntegrationWebhook.class);
    }

    private static boolean accepts(IntegrationWebhook webhook, Integration integration) {
        return webhook == null || webhook.value().length == 0
                || java.util.Arrays.asList(webhook.value()).contains(integration.type());
    }
}
