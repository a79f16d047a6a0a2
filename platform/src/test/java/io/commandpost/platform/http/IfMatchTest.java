package io.commandpost.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.WebApplicationException;
import org.junit.jupiter.api.Test;

class IfMatchTest {

    @Test
    void absentBlankOrStarMatchesAnyVersion() {
        assertThat(new IfMatch(null).matches(7)).isTrue();
        assertThat(new IfMatch(" ").matches(7)).isTrue();
        assertThat(new IfMatch("*").matches(7)).isTrue();
    }

    @Test
    void comparesStronglyAgainstEveryListedTag() {
        assertThat(new IfMatch("\"7\"").matches(7)).isTrue();
        assertThat(new IfMatch("\"6\", \"7\"").matches(7)).isTrue();
        assertThat(new IfMatch("\"6\"").matches(7)).isFalse();
        // RFC 9110 13.1.1: a weak tag never matches, nor does an unquoted one
        assertThat(new IfMatch("W/\"7\"").matches(7)).isFalse();
        assertThat(new IfMatch("7").matches(7)).isFalse();
    }

    @Test
    void aFailedPreconditionIs412NamingTheCurrentTag() {
        assertThatThrownBy(() -> new IfMatch("\"6\"").require("team payments", 7))
                .isInstanceOfSatisfying(WebApplicationException.class,
                        e -> assertThat(e.getResponse().getStatus()).isEqualTo(412))
                .hasMessageContaining("team payments is at ETag \"7\", not \"6\"");
    }
}
