package io.commandpost.ingest.webhook;

import io.commandpost.ingest.integration.IntegrationType;
import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a webhook resource whose caller must present the token of a live integration of one of these
 * types ({@code Authorization: Bearer <token>}); checked by {@link IntegrationAuthFilter} before the
 * body is read. Binding is by annotation type; the filter itself carries it with no types.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface IntegrationWebhook {

    IntegrationType[] value() default {};
}
