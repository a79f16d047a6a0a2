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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

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

    @POST
    @Consumes({MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_FORM_URLENCODED})
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@RestForm String from, @RestForm String sender,
                            @RestForm String to, @RestForm String recipient,
                            @RestForm String subject,
                            @RestForm String text, @RestForm("body-plain") String bodyPlain,
                            @RestForm("stripped-text") String strippedText,
                            @RestForm("message-id") String messageIdLower, @RestForm("Message-Id") String messageIdMailgun,
                            @RestForm("Message-ID") String messageIdUpper, @RestForm("message_id") String messageIdSnake,
                            @RestForm String headers) {
        InboundMail mail = new InboundMail(firstOf(from, sender), firstOf(to, recipient), subject,
                firstOf(text, strippedText, bodyPlain),
                firstOf(messageIdLower, messageIdMailgun, messageIdUpper, messageIdSnake,
                        InboundMail.messageIdFromHeaders(headers)));
        IntakeContext context = intake.context();
        QuestionEvent.QuestionAsked question;
        try {
            question = mail.toQuestion(context);
        } catch (RejectedBodyException e) {
            quarantine.keep(context, InboundMail.CHANNEL, MediaType.APPLICATION_FORM_URLENCODED,
                    describe(mail).getBytes(StandardCharsets.UTF_8), e.problem());
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

    /** What the quarantine keeps of a refused mail: the fields as read (the raw multipart is already consumed). */
    private static String describe(InboundMail mail) {
        return "from=" + mail.from() + "\nto=" + mail.to() + "\nsubject=" + mail.subject()
                + "\nmessage-id=" + mail.messageId() + "\n\n" + mail.text();
    }
}
