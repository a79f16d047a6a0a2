package io.commandpost.ingest.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.commandpost.events.DomainEvent;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.EventJson;
import io.commandpost.ingest.intake.EventPublisher;
import io.commandpost.ingest.intake.IngestConfig;
import io.commandpost.ingest.intake.IntakeContext;
import io.commandpost.ingest.intake.IntakeSaturatedException;
import io.commandpost.ingest.intake.IntakeSaturatedMapper;
import io.commandpost.ingest.intake.Quarantine;
import io.commandpost.ingest.intake.RejectedBodyException;
import io.commandpost.ingest.intake.StrictJson;
import io.commandpost.ingest.integration.Integration;
import io.commandpost.ingest.integration.IntegrationType;
import io.commandpost.ingest.integration.Integrations;
import io.commandpost.ingest.integration.RecentDeliveries;
import io.commandpost.platform.eventing.EventMetadata;
import io.commandpost.platform.http.Actors;
import io.commandpost.platform.http.ApiKeyFilter;
import io.commandpost.platform.http.CorrelationFilter;
import io.commandpost.platform.http.FailureProblems;
import io.commandpost.platform.http.Problem;
import io.commandpost.platform.http.RequestIds;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The lean path of the JSON webhooks (ADR 0037): a Vert.x route ahead of Quarkus REST that takes the common
 * delivery — HTTP/1.x, {@code Content-Type: application/json} (UTF-8), a {@code Content-Length}, and a token this
 * replica recognised recently for an integration of the endpoint's type — reads the body as one buffer, parses it
 * once, publishes and answers from the broker's acknowledgement, with no request context, no JAX-RS filter chain
 * and no per-request beans. Every other request (no or another media type, chunked or compressed bodies, a token to
 * look up in the database, a wrong token or type, HTTP/2, an {@code Accept} without JSON) goes on to the endpoint's
 * JAX-RS resource, which stays the contract and the OpenAPI document: the decision is made on the headers alone,
 * before a byte of the body is read. The answers are those of the resource: 202 {@code {"accepted","eventIds"}}
 * after the acks, 400 problems (quarantined), 503 + Retry-After, each with the request id, kept in
 * {@link RecentDeliveries}, a refusal logged once. The platform's route filters (request id, deadline, body limit,
 * encodings) run before it as before.
 */
@ApplicationScoped
public class LeanWebhooks {

    private static final Logger LOG = Logger.getLogger(LeanWebhooks.class);

    /** After the platform's route filters (negative orders), before Quarkus REST's route (20500). */
    static final int ORDER = RouteConstants.ROUTE_ORDER_DEFAULT;

    /** How a delivery's body becomes events: the format's name (quarantine) and its mapper. */
    public record Reader(String format, BiFunction<JsonNode, IntakeContext, List<? extends DomainEvent>> mapper) {
    }

    private final Integrations integrations;
    private final EventPublisher publisher;
    private final Quarantine quarantine;
    private final RecentDeliveries deliveries;
    private final Clock clock;
    private final boolean enabled;
    private final long maxBytes;
    private final FailureProblems problems;
    private final Counter served;

    LeanWebhooks(Integrations integrations, EventPublisher publisher, Quarantine quarantine,
                 RecentDeliveries deliveries, Clock clock, IngestConfig config, FailureProblems problems,
                 MeterRegistry registry,
                 @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize max) {
        this.integrations = integrations;
        this.publisher = publisher;
        this.quarantine = quarantine;
        this.deliveries = deliveries;
        this.clock = clock;
        this.enabled = config.leanWebhooks();
        this.maxBytes = max.asLongValue();
        this.problems = problems;
        this.served = Counter.builder("commandpost.ingest.webhook.lean")
                .description("JSON webhook deliveries answered by the lean route (the rest go through Quarkus REST)")
                .register(registry);
    }

    /**
     * Serves {@code path} for an integration type on the lean route when {@code commandpost.ingest.lean-webhooks}
     * is on (the default); the JAX-RS resource of the same path serves everything the route passes on.
     */
    public void route(Router router, String path, IntegrationType type, Function<Integration, Reader> readers,
                      HttpMethod... methods) {
        if (!enabled) {
            return;
        }
        for (HttpMethod method : methods) {
            router.route(method, path).order(ORDER).handler(context -> handle(context, type, readers));
        }
    }

    private void handle(RoutingContext context, IntegrationType type, Function<Integration, Reader> readers) {
        HttpServerRequest request = context.request();
        Optional<Integration> known = request.version() == HttpVersion.HTTP_2 || !plainJson(request)
                ? Optional.empty() : integrations.remembered(presentedToken(request));
        if (known.isEmpty() || known.get().type() != type) {
            context.next();
            return;
        }
        Integration integration = known.get();
        Reader reader;
        try {
            reader = readers.apply(integration);
        } catch (RuntimeException e) {
            context.next(); // the resource meets the same failure and answers it as it always did
            return;
        }
        served.increment();
        Buffer body = Buffer.buffer((int) Math.min(maxBytes, Math.max(0, contentLength(request))));
        boolean[] refused = {false};
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + chunk.length() > maxBytes) { // cannot pass a Content-Length under the limit on HTTP/1
                refused[0] = true;
                refuse(context, integration, Problem.of(413, "Content Too Large",
                        "the body is larger than the limit of " + maxBytes + " bytes").withHeader("Connection", "close"));
                request.connection().close();
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(done -> {
            if (!refused[0]) {
                accept(context, integration, reader, body.getBytes());
            }
        });
    }

    private void accept(RoutingContext context, Integration integration, Reader reader, byte[] body) {
        if (answered(context)) {
            return; // the request deadline answered it
        }
        IntakeContext intake = integration.intakeAt(clock.instant());
        Executor workers = Infrastructure.getDefaultWorkerPool();
        CompletableFuture<List<EventEnvelope>> published;
        try {
            List<? extends DomainEvent> events;
            try {
                events = reader.mapper().apply(StrictJson.parse(body, null), intake);
            } catch (RejectedBodyException e) {
                quarantine.keep(intake, reader.format(), normalised(context.request().getHeader(HttpHeaders.CONTENT_TYPE)),
                        body, e.problem(), workers);
                throw e;
            }
            published = publisher.publishAsync(intake.integrationId(), events, metadata(context), workers);
        } catch (RuntimeException e) {
            fail(context, integration, e);
            return;
        }
        Context loop = Vertx.currentContext();
        published.whenComplete((envelopes, error) -> {
            if (Vertx.currentContext() == loop) {
                answer(context, integration, envelopes, error);
            } else {
                loop.runOnContext(ignored -> answer(context, integration, envelopes, error));
            }
        });
    }

    private void answer(RoutingContext context, Integration integration, List<EventEnvelope> envelopes, Throwable error) {
        if (error != null) {
            fail(context, integration, error instanceof CompletionException && error.getCause() != null
                    ? error.getCause() : error);
            return;
        }
        if (answered(context)) {
            return;
        }
        StringBuilder json = new StringBuilder(32 + 40 * envelopes.size()).append("{\"accepted\":")
                .append(envelopes.size()).append(",\"eventIds\":[");
        for (int i = 0; i < envelopes.size(); i++) {
            json.append(i == 0 ? "\"" : ",\"").append(envelopes.get(i).eventId()).append('"');
        }
        context.response().setStatusCode(202).putHeader(HttpHeaders.CONTENT_TYPE, "application/json;charset=UTF-8")
                .end(json.append("]}").toString());
        deliveries.record(integration.id(), new RecentDeliveries.Delivery(clock.instant(), context.normalizedPath(), 202,
                "accepted", envelopes.size(), null, RequestIds.of(context)));
    }

    /** The answers of the platform's and the intake's exception mappers, for the same failures. */
    private void fail(RoutingContext context, Integration integration, Throwable error) {
        refuse(context, integration, error instanceof IntakeSaturatedException saturated
                ? IntakeSaturatedMapper.problemOf(saturated) : problems.of(error));
    }

    /** A problem with the request id, logged once when it is the sender's (4xx), kept in the deliveries. */
    private void refuse(RoutingContext context, Integration integration, Problem problem) {
        if (answered(context)) {
            return;
        }
        String requestId = RequestIds.of(context);
        Problem stamped = problem.withRequestId(requestId);
        if (problem.status() < 500) {
            LOG.infof("refused %d (request %s): %s", problem.status(), requestId, problem.detail());
        }
        HttpServerResponse response = context.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (problem.headers() != null) {
            problem.headers().forEach((name, value) -> response.putHeader(name, String.valueOf(value)));
        }
        try {
            response.end(EventJson.mapper().writeValueAsString(new Problem(stamped.type(), stamped.title(),
                    stamped.status(), stamped.detail(), stamped.instance(), stamped.requestId(), stamped.errors(), null)));
        } catch (JsonProcessingException e) {
            response.end();
        }
        deliveries.record(integration.id(), new RecentDeliveries.Delivery(clock.instant(), context.normalizedPath(),
                problem.status(), "refused", null, problem.detail() != null ? problem.detail() : problem.title(),
                requestId));
    }

    private static boolean answered(RoutingContext context) {
        return context.response().ended() || context.response().closed();
    }

    /**
     * Whether the request is what the lean route takes: {@code application/json} in UTF-8 (or no charset), a body of
     * a declared length (no {@code Expect: 100-continue} to answer), an answer in JSON acceptable. Anything else is the resource's to answer.
     */
    static boolean plainJson(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null || !utf8Json(type) || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                || request.getHeader(HttpHeaders.EXPECT) != null || contentLength(request) <= 0) {
            return false;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept == null || accept.contains("*/*") || accept.contains("application/json")
                || accept.contains("application/*");
    }

    static boolean utf8Json(String contentType) {
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            int equals = parameter.indexOf('=');
            if (equals < 0 || !parameter.substring(0, equals).trim().equalsIgnoreCase("charset")) {
                return false;
            }
            String charset = parameter.substring(equals + 1).trim().replace("\"", "").toLowerCase(Locale.ROOT);
            if (!charset.equals("utf-8") && !charset.equals("utf8")) {
                return false;
            }
        }
        return true;
    }

    static long contentLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** As {@link IntegrationAuthFilter#presentedToken}: the bearer token, else the {@code token} query parameter. */
    private static String presentedToken(HttpServerRequest request) {
        String bearer = ApiKeyFilter.bearerToken(request.getHeader(HttpHeaders.AUTHORIZATION));
        return bearer != null ? bearer : request.getParam(IntegrationAuthFilter.TOKEN_PARAMETER);
    }

    /** As the platform's {@code RequestMetadata}: the request's correlation id, the caller when one signed in. */
    private static EventMetadata metadata(RoutingContext context) {
        UUID correlationId = context.get(CorrelationFilter.HEADER);
        UUID correlation = correlationId != null ? correlationId : UUID.randomUUID();
        SecurityIdentity identity = Actors.identityOf(context);
        if (identity == null) {
            return new EventMetadata(correlation, null);
        }
        return new EventMetadata(correlation, null, Actors.handleOf(identity), identity.getAttribute(Actors.VIA_ATTRIBUTE));
    }

    /** The Content-Type as JAX-RS prints it (the quarantine record's {@code contentType}). */
    private static String normalised(String contentType) {
        try {
            return jakarta.ws.rs.core.MediaType.valueOf(contentType).toString();
        } catch (RuntimeException e) {
            return contentType;
        }
    }
}
