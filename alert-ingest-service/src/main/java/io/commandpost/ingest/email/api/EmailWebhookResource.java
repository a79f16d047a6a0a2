package io.commandpost.ingest.email.api;

import jakarta.annotation.security.PermitAll;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.QuestionEvent;
import io.commandpost.ingest.email.InboundMail;
import io.commandpost.ingest.intake.IntakeContext;
import io.commandpost.ingest.intake.Quarantine;
import io.commandpost.ingest.intake.RejectedBodyException;
import io.commandpost.ingest.integration.IntegrationType;
import io.commandpost.ingest.webhook.IntegrationWebhook;
import io.commandpost.ingest.webhook.RecordedDelivery;
import io.commandpost.ingest.webhook.WebhookIntake;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** Inbound-mail webhook (multipart or urlencoded inbound-parse fields) → a question to the MRO. */
@Path("/v1/webhooks/email")
@IntegrationWebhook(IntegrationType.EMAIL)
@RecordedDelivery
@PermitAll // checks its own per-integration credentials (ADR 0023)
public class EmailWebhookResource {

    private final WebhookIntake intake;
    private final Quarantine quarantine;

    EmailWebhookResource(WebhookIntake intake, Quarantine quarantine) {
        this.intake = intake;
        this.quarantine = quarantine;
    }

    /**
     * The body is taken as bytes, counted against the body limit as it streams, and parsed here ({@link MailForm}):
     * Quarkus REST's {@code @RestForm} parsing would read a chunked form whole, past any limit.
     */
    @POST
    @Consumes({MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_FORM_URLENCODED})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An inbound mail (SendGrid Inbound Parse, Mailgun routes) becomes a question to the MRO")
    @RequestBody(description = "Form fields: from (or sender), to (or recipient), subject, text (or stripped-text, "
            + "body-plain), message-id (or Message-Id, Message-ID, message_id) or the raw headers; file parts are "
            + "skipped", content = {@Content(mediaType = MediaType.MULTIPART_FORM_DATA),
                @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED)})
    public Response receive(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        IntakeContext context = intake.context();
        QuestionEvent.QuestionAsked question;
        try {
            MailForm form = MailForm.parse(contentType, body);
            InboundMail mail = new InboundMail(form.first("from", "sender"), form.first("to", "recipient"),
                    form.first("subject"), form.first("text", "stripped-text", "body-plain"),
                    firstOf(form.first("message-id", "Message-Id", "Message-ID", "message_id"),
                            InboundMail.messageIdFromHeaders(form.first("headers"))));
            question = mail.toQuestion(context);
        } catch (RejectedBodyException e) {
            quarantine.keep(context, InboundMail.CHANNEL, contentType, body, e.problem());
            throw e;
        }
        List<EventEnvelope> published = intake.publish(List.of(question));
        return Response.accepted(Map.of("questionId", question.questionId(),
                "eventIds", published.stream().map(EventEnvelope::eventId).toList())).build();
    }

    private static String firstOf(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }
}
