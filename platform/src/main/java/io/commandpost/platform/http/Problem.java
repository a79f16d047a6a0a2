package io.commandpost.platform.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail. {@code errors} names each offending field by JSON pointer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      String requestId, List<FieldError> errors, Map<String, Object> headers) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One offending field: its JSON pointer (or parameter name) and what is wrong with it. */
    public record FieldError(String pointer, String detail) {
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, null, null, null);
    }

    public static Problem badRequest(String detail) {
        return of(400, "Bad Request", detail);
    }

    /** A body that is not JSON, or not the JSON expected: Jackson's reason, and where when it knows. */
    public static Problem malformedJson(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at != null && at.getLineNr() > 0
                ? " at line " + at.getLineNr() + ", column " + at.getColumnNr() : "";
        return badRequest("malformed JSON" + where + ": " + e.getOriginalMessage());
    }

    public static Problem invalidField(String pointer, String detail) {
        return new Problem("about:blank", "Bad Request", 400, pointer + ": " + detail, null, null,
                List.of(new FieldError(pointer, detail)), null);
    }

    public static Problem notFound(String detail) {
        return of(404, "Not Found", detail);
    }

    public static Problem conflict(String detail) {
        return of(409, "Conflict", detail);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, requestId, fieldErrors, headers);
    }

    /** Headers to set on the response (Retry-After, WWW-Authenticate, Allow); not part of the body. */
    public Problem withHeader(String name, Object value) {
        Map<String, Object> merged = new java.util.LinkedHashMap<>(headers == null ? Map.of() : headers);
        merged.put(name, value);
        return new Problem(type, title, status, detail, instance, requestId, errors, merged);
    }

    /** This occurrence: the request id as {@code requestId} and, as a URN, {@code instance}. */
    public Problem withRequestId(String id) {
        return id == null ? this : new Problem(type, title, status, detail,
                instance != null ? instance : RequestIds.instance(id), id, errors, headers);
    }

    public Response toResponse() {
        Response.ResponseBuilder builder = Response.status(status).type(MEDIA_TYPE)
                .entity(new Problem(type, title, status, detail, instance, requestId, errors, null));
        if (headers != null) {
            headers.forEach(builder::header);
        }
        return builder.build();
    }

    /** Throwable form, for code paths that cannot return a Response. */
    public WebApplicationException exception() {
        return new WebApplicationException(detail, toResponse());
    }
}
