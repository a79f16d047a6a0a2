package io.commandpost.notification.paging.api;

import jakarta.ws.rs.core.HttpHeaders;

/**
 * Who acts through the API. For now the caller names the person in a header; when the console issue
 * takes the person from the credential, this is the one line to change.
 */
final class Actor {

    static final String HEADER = "X-CommandPost-Actor";

    private Actor() {
    }

    static String of(HttpHeaders headers) {
        return headers.getHeaderString(HEADER);
    }
}
