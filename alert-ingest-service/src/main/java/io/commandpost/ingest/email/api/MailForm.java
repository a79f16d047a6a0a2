package io.commandpost.ingest.email.api;

import io.commandpost.ingest.intake.RejectedBodyException;
import io.commandpost.platform.http.Problem;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The text fields of an inbound-mail form ({@code application/x-www-form-urlencoded} or {@code multipart/form-data}),
 * parsed from the body's bytes by Netty's form decoder. The bytes were counted against the body limit while they
 * streamed (the platform's {@code StreamedBodyLimit}, or the Content-Length before a byte was read), which Quarkus
 * REST's own {@code @RestForm} parsing is not: a chunked form would be read whole into memory. Files (attachments)
 * are skipped; a field sent twice keeps its first value.
 */
final class MailForm {

    /** Far above what the inbound-parse services send (about 20 fields and one per attachment). */
    private static final int MAX_FIELDS = 1024;

    private final Map<String, String> fields;

    private MailForm(Map<String, String> fields) {
        this.fields = fields;
    }

    static MailForm parse(String contentType, byte[] body) {
        DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/",
                Unpooled.wrappedBuffer(body));
        if (contentType != null) {
            request.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        HttpPostRequestDecoder decoder = null;
        try {
            decoder = new HttpPostRequestDecoder(new DefaultHttpDataFactory(false, StandardCharsets.UTF_8), request,
                    StandardCharsets.UTF_8, MAX_FIELDS, body.length + 1);
            Map<String, String> fields = new LinkedHashMap<>();
            for (InterfaceHttpData data : decoder.getBodyHttpDatas()) {
                if (data instanceof Attribute attribute) {
                    fields.putIfAbsent(attribute.getName(), attribute.getValue());
                }
            }
            return new MailForm(fields);
        } catch (DecoderException | IllegalArgumentException | IOException e) {
            throw new RejectedBodyException(Problem.badRequest("malformed form body: " + e.getMessage()));
        } finally {
            if (decoder != null) {
                decoder.destroy();
            }
            request.release();
        }
    }

    /** The first of these fields that is sent and not blank, or null. */
    String first(String... names) {
        for (String name : names) {
            String value = fields.get(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
