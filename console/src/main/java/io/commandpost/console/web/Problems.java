package io.commandpost.console.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** RFC 9457 problem details for the console's own refusals, each with the request id. */
public final class Problems {

    public static final String REQUEST_ID = "X-Request-Id";

    private Problems() {
    }

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(HttpServerRequest request, int status, String title, String detail) {
        String requestId = requestId(request);
        return Response.status(status).type(MEDIA_TYPE).header(REQUEST_ID, requestId)
                .entity(body(requestId, status, title, detail)).build();
    }

    /** The problem's members. */
    public static Map<String, Object> body(String requestId, int status, String title, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", "urn:uuid:" + requestId);
        problem.put("requestId", requestId);
        return problem;
    }

    /** The caller's request id when it is a UUID, else a new one. */
    public static String requestId(HttpServerRequest request) {
        String given = request == null ? null : request.getHeader(REQUEST_ID);
        if (given != null) {
            try {
                return UUID.fromString(given).toString();
            } catch (IllegalArgumentException e) {
                // not ours to trust: a new one
            }
        }
        return UUID.randomUUID().toString();
    }
}
