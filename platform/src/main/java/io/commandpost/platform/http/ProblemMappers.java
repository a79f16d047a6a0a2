package io.commandpost.platform.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.commandpost.platform.command.StaleVersionException;
import io.commandpost.platform.domain.InvalidCommandException;
import io.commandpost.platform.domain.NotFoundException;
import io.commandpost.platform.domain.RuleViolationException;
import io.commandpost.platform.eventing.ConcurrencyConflictException;
import io.commandpost.platform.eventing.EventBusUnavailableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as problem+json with the right status; only real server faults are 500. */
public class ProblemMappers {

    private final FailureProblems failures;
    private final AllowedMethods allowedMethods;

    ProblemMappers(FailureProblems failures, AllowedMethods allowedMethods) {
        this.failures = failures;
        this.allowedMethods = allowedMethods;
    }

    @ServerExceptionMapper
    public Response invalidJson(JsonProcessingException e) {
        String pointer = e instanceof JsonMappingException mapping ? pointerOf(mapping.getPath()) : "";
        if (pointer.isEmpty()) {
            return Problem.malformedJson(e).toResponse();
        }
        return Problem.badRequest("malformed JSON: " + e.getOriginalMessage())
                .withErrors(List.of(new Problem.FieldError(pointer, e.getOriginalMessage()))).toResponse();
    }

    /** Quarkus REST ships mappers for these subtypes; ours must be at least as specific to win. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return invalidJson(e);
    }

    @ServerExceptionMapper
    public Response unparsableJson(JsonParseException e) {
        return invalidJson(e);
    }

    @ServerExceptionMapper
    public Response invalidValue(ValueInstantiationException e) {
        return invalidJson(e);
    }

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e) {
        return e.problem().toResponse();
    }

    @ServerExceptionMapper
    public Response ruleViolation(RuleViolationException e) {
        Problem problem = Problem.conflict(e.getMessage());
        if (e.field() != null) {
            problem = problem.withErrors(List.of(new Problem.FieldError(pointerOf(e.field()), e.getMessage())));
        }
        return problem.toResponse();
    }

    @ServerExceptionMapper
    public Response invalidCommand(InvalidCommandException e) {
        return Problem.invalidField(pointerOf(e.field()), e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Problem.notFound(e.getMessage()).toResponse();
    }

    /** A stale If-Match: the caller decided on a version that is gone. */
    @ServerExceptionMapper
    public Response staleVersion(StaleVersionException e) {
        return Problem.of(412, "Precondition Failed", e.getMessage())
                .withHeader("ETag", "\"" + e.actualVersion() + "\"").toResponse();
    }

    /** A lost race: another writer appended between this request's read and its append. Never retried here. */
    @ServerExceptionMapper
    public Response concurrency(ConcurrencyConflictException e) {
        return Problem.conflict(e.getMessage() + "; read it again and retry").toResponse();
    }

    @ServerExceptionMapper
    public Response busUnavailable(EventBusUnavailableException e) {
        return failures.busUnavailable(e).toResponse();
    }

    @ServerExceptionMapper
    public Response dependencyDown(DependencyUnavailableException e) {
        return failures.unavailable(e.dependency(), e).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        return failures.unexpected(e).toResponse();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, HttpHeaders request) {
        if (e.getCause() instanceof JsonProcessingException unparsable) {
            // Quarkus REST wraps a body it cannot parse in a bare 400: keep Jackson's line and column
            return invalidJson(unparsable);
        }
        Response original = e.getResponse();
        if (original.hasEntity() && original.getMediaType() != null
                && Problem.MEDIA_TYPE.equals(original.getMediaType().toString())) {
            return original;
        }
        int status = original.getStatus();
        Response.StatusType statusType = Response.Status.fromStatusCode(status);
        String title = statusType != null ? statusType.getReasonPhrase() : "Error";
        Problem problem = Problem.of(status, title, status >= 500 ? title : e.getMessage());
        if (e instanceof NotSupportedException) {
            List<String> accepted = allowedMethods.consumedBy(uri.getPath());
            String sent = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
            problem = Problem.of(415, title, (sent == null ? "the body has no Content-Type" : "Content-Type '" + sent
                    + "' is not accepted here") + (accepted.isEmpty() ? "" : "; send it as " + String.join(" or ", accepted)));
        }
        if (e instanceof NotAllowedException) {
            String allow = original.getAllowedMethods().isEmpty()
                    ? allowedMethods.allowFor(uri.getPath())
                    : original.getAllowedMethods().stream().sorted().collect(Collectors.joining(", "));
            problem = problem.withHeader(HttpHeaders.ALLOW, allow);
        }
        for (String header : List.of(HttpHeaders.WWW_AUTHENTICATE, "Retry-After")) {
            if (original.getHeaderString(header) != null) {
                problem = problem.withHeader(header, original.getHeaderString(header));
            }
        }
        return problem.toResponse();
    }

    /**
     * The JSON pointer of a domain field path: {@code members[0].handle} and {@code members.0.handle} are
     * {@code /members/0/handle}; an empty path is the whole document ("").
     */
    static String pointerOf(String field) {
        if (field == null || field.isEmpty()) {
            return "";
        }
        StringBuilder pointer = new StringBuilder();
        for (String token : field.replace("]", "").split("[.\\[]")) {
            if (!token.isEmpty()) {
                pointer.append('/').append(token.replace("~", "~0").replace("/", "~1"));
            }
        }
        return pointer.toString();
    }

    static String pointerOf(List<JsonMappingException.Reference> path) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            pointer.append('/');
            if (reference.getFieldName() != null) {
                pointer.append(reference.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else {
                pointer.append(reference.getIndex());
            }
        }
        return pointer.toString();
    }
}
