package io.commandpost.platform.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/** An endpoint per role that answers who the platform says is calling. */
@Path("/test/probe")
@Produces(MediaType.APPLICATION_JSON)
public class SecurityProbeResource {

    private final Caller caller;

    SecurityProbeResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Map<String, Object> read() {
        return who();
    }

    @POST
    @RolesAllowed(Roles.RESPONDER)
    public Map<String, Object> act() {
        return who();
    }

    @POST
    @Path("/admin")
    @RolesAllowed(Roles.ADMIN)
    public Map<String, Object> administer() {
        return who();
    }

    private Map<String, Object> who() {
        Map<String, Object> who = new LinkedHashMap<>();
        who.put("actor", caller.handle());
        who.put("via", caller.via().orElse(null));
        return who;
    }
}
