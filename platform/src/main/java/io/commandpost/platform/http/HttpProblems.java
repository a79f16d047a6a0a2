package io.commandpost.platform.http;

import io.commandpost.events.EventJson;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/** Problem+json answers written straight on a Vert.x route, before JAX-RS is involved. */
public final class HttpProblems {

    private HttpProblems() {
    }

    public static void send(RoutingContext context, int status, String title, String detail, String... headers) {
        var response = context.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            response.putHeader(headers[i], headers[i + 1]);
        }
        try {
            response.end(EventJson.mapper().writeValueAsString(
                    Map.of("type", "about:blank", "title", title, "status", status, "detail", detail)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            response.end();
        }
    }
}
