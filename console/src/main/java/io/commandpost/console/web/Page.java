package io.commandpost.console.web;

import io.commandpost.console.config.ConsoleConfig;
import io.commandpost.console.signin.CurrentUser;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/** What every page shows around its content: who is signed in, the teams, a message after an action. */
public final class Page {

    private Page() {
    }

    public static TemplateInstance with(TemplateInstance page, CurrentUser user, ConsoleConfig config, String title) {
        return page.data("me", user.handle()).data("roles", String.join(", ", user.roles().stream().sorted().toList()))
                .data("teams", List.copyOf(config.teams())).data("title", title)
                .data("isAdmin", user.may("admin"));
    }
}
