package io.commandpost.platform.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A body without a {@code Content-Type} sent to an endpoint that declares what it consumes is 415, naming
 * the media types it takes (JAX-RS would otherwise read it as whatever the method wants). Runs after the
 * authentication filters, so a caller without credentials still learns nothing but 401.
 */
public class MissingContentType {

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.HEADER_DECORATOR)
    public Response refuse(RoutingContext context, ResourceInfo resource) {
        var request = context.request();
        if (request.getHeader(HttpHeaders.CONTENT_TYPE) != null || !hasBody(request)) {
            return null;
        }
        Consumes consumes = consumesOf(resource);
        if (consumes == null || consumes.value().length == 0) {
            return null;
        }
        return Problem.of(415, "Unsupported Media Type", "the body has no Content-Type; send it as "
                + String.join(" or ", consumes.value())).toResponse();
    }

    private static boolean hasBody(io.vertx.core.http.HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                || (length != null && !length.trim().equals("0"));
    }

    static Consumes consumesOf(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return null;
        }
        Consumes consumes = method.getAnnotation(Consumes.class);
        return consumes != null ? consumes : resource.getResourceClass().getAnnotation(Consumes.class);
    }
}
