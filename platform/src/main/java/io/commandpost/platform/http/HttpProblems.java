package io.commandpost.platform.http;

import io.commandpost.events.EventJson;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/** Problem+json answers written straight on a Vert.x route, before JAX-RS is involved. */
public final class HttpProblems {

    private static final Logger LOG = Logger.getLogger(HttpProblems.class);

    private HttpProblems() {
    }

    public static void send(RoutingContext context, int status, String title, String detail, String... headers) {
        var response = context.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            response.putHeader(headers[i], headers[i + 1]);
        }
        try {
            String requestId = RequestIds.of(context);
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", title);
            problem.put("status", status);
            problem.put("detail", detail);
            if (requestId != null) {
                problem.put("instance", RequestIds.instance(requestId));
                problem.put("requestId", requestId);
            }
            LOG.infof("refused %d: %s", status, detail);
            response.end(EventJson.mapper().writeValueAsString(problem));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            response.end();
        }
    }
}
