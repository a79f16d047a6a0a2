package io.commandpost.ingest.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.JsonFactory;
import io.commandpost.platform.http.Problem;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

/**
 * Parses webhook bodies into a tree: strict where a sender cannot mean two things (duplicate keys,
 * trailing tokens), bounded so that no body can exhaust the stack or the CPU (depth, number and
 * string lengths), tolerant of a UTF-8 BOM and of declared charsets other than UTF-8.
 */
public final class StrictJson {

    public static final int MAX_DEPTH = 64;
    public static final int MAX_NUMBER_LENGTH = 64;
    public static final int MAX_STRING_LENGTH = 1_000_000;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .maxNumberLength(MAX_NUMBER_LENGTH)
                            .maxStringLength(MAX_STRING_LENGTH)
                            .build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private StrictJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The {@code charset} parameter of a Content-Type, or null (none, or no Content-Type). */
    public static String charsetOf(MediaType contentType) {
        return contentType == null ? null
                : contentType.getParameters().get(MediaType.CHARSET_PARAMETER);
    }

    /**
     * @param charset the {@code charset} parameter of the Content-Type, or null
     * @throws RejectedBodyException for anything that is not one well-formed JSON value within the limits
     */
    public static JsonNode parse(byte[] body, String charset) {
        if (body == null || body.length == 0) {
            throw new RejectedBodyException(Problem.badRequest("the body is empty; a JSON object is required"));
        }
        try {
            JsonNode tree = isUtf8(charset) ? MAPPER.readTree(body) : MAPPER.readTree(decode(body, charset));
            if (tree == null || tree.isMissingNode()) {
                throw new RejectedBodyException(Problem.badRequest("the body is empty; a JSON object is required"));
            }
            return tree;
        } catch (StreamConstraintsException e) {
            throw new RejectedBodyException(Problem.badRequest("the JSON exceeds a limit (depth " + MAX_DEPTH
                    + ", number length " + MAX_NUMBER_LENGTH + "): " + e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw new RejectedBodyException(Problem.malformedJson(e));
        } catch (IOException e) {
            throw new RejectedBodyException(Problem.badRequest("unreadable body: " + e.getMessage()));
        } catch (StackOverflowError e) {
            // cannot happen within MAX_DEPTH; kept so that no input can ever become a 500
            throw new RejectedBodyException(Problem.badRequest("the JSON is nested too deeply"));
        }
    }

    private static boolean isUtf8(String charset) {
        return charset == null || charset.isBlank() || charset.trim().replace("\"", "").equalsIgnoreCase("utf-8")
                || charset.trim().equalsIgnoreCase("utf8");
    }

    private static String decode(byte[] body, String charsetName) {
        Charset charset;
        try {
            charset = Charset.forName(charsetName.trim().replace("\"", ""));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new NotSupportedException("unsupported charset " + charsetName);
        }
        String text = new String(body, charset);
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }
}
