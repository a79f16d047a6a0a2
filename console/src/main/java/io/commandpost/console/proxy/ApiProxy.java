package io.commandpost.console.proxy;

import io.commandpost.console.proxy.ApiRoutes.Owner;
import io.commandpost.console.config.ConsoleConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.proxy.handler.ProxyHandler;
import io.vertx.httpproxy.HttpProxy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;

/**
 * One address for people and tools: every public API path ({@link ApiRoutes}) is passed, as it came (method,
 * headers including the caller's {@code Authorization}, body), to the service that owns it, by Vert.x's
 * reverse proxy. The console adds no credential of its own to these requests.
 */
@ApplicationScoped
public class ApiProxy {

    /** Before the console's own routes (pages, sign-in), after nothing. */
    private static final int ORDER = -100;

    private final Map<Owner, SocketAddress> origins = new EnumMap<>(Owner.class);

    ApiProxy(ConsoleConfig config) {
        ConsoleConfig.Services services = config.services();
        origins.put(Owner.INGEST, address(services.ingest()));
        origins.put(Owner.ROTATION, address(services.rotation()));
        origins.put(Owner.INCIDENT, address(services.incident()));
        origins.put(Owner.NOTIFICATION, address(services.notification()));
    }

    void route(@Observes Router router, Vertx vertx) {
        HttpProxy proxy = HttpProxy.reverseProxy(vertx.createHttpClient(new HttpClientOptions()
                .setMaxPoolSize(32).setKeepAlive(true)));
        proxy.originSelector(this::originOf);
        ProxyHandler forward = ProxyHandler.create(proxy);
        router.route().order(ORDER).handler(context -> {
            if (ApiRoutes.ownerOf(context.normalizedPath()).isPresent()) {
                forward.handle(context);
            } else {
                context.next();
            }
        });
    }

    private Future<SocketAddress> originOf(HttpServerRequest request) {
        return ApiRoutes.ownerOf(request.path()).map(origins::get).map(Future::succeededFuture)
                .orElseGet(() -> Future.failedFuture("no service owns " + request.path()));
    }

    private static SocketAddress address(URI uri) {
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        return SocketAddress.inetSocketAddress(port, uri.getHost());
    }
}
