package io.commandpost.platform.http;

import io.quarkus.runtime.BlockingOperationControl;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * A form body ({@code application/x-www-form-urlencoded}, {@code multipart/form-data}) without a length (chunked) is
 * counted as it streams, like any other body ({@link StreamedBodyLimit}): Quarkus REST parses forms for
 * {@code @RestForm} parameters itself, outside any JAX-RS reader, so this filter puts the counting stream under that
 * parser. Past {@code quarkus.http.limits.max-body-size} the request is refused with the 413 problem (request id,
 * {@code Connection: close}) and the rest is never read. Blocking endpoints only: a form read on the event loop would
 * need a non-blocking count (none in this project reads one there).
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class StreamedFormLimit implements ContainerRequestFilter {

    private final StreamedBodyLimit limit = new StreamedBodyLimit();

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getHeaderString(HttpHeaders.CONTENT_LENGTH) != null || !isForm(request.getMediaType())
                || !BlockingOperationControl.isBlockingAllowed()) {
            return;
        }
        request.setEntityStream(new StreamedBodyLimit.Counted(request.getEntityStream(), limit.maxBytes()));
    }

    private static boolean isForm(MediaType type) {
        return type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
    }
}
