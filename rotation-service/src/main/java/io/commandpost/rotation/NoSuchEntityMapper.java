package io.commandpost.rotation;

import io.commandpost.platform.http.Problem;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** HTTP adapter: something named that does not exist is a 404 problem+json. */
public class NoSuchEntityMapper {

    @ServerExceptionMapper
    public Response notFound(NoSuchEntityException e) {
        return Problem.notFound(e.getMessage()).toResponse();
    }
}
