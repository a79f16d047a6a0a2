package io.commandpost.ingest.webhook;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource that integrations post to: {@link DeliveryRecorder} keeps each answer to a call whose integration
 * was recognised ({@link CurrentIntegration}, set by the token filter or by the resource itself).
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RecordedDelivery {
}
