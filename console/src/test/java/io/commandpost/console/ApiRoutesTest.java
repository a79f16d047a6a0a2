package io.commandpost.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.console.proxy.ApiRoutes;
import io.commandpost.console.proxy.ApiRoutes.Owner;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiRoutesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/v1/teams/payments/queue, INCIDENT",
            "/v1/teams/payments/queue/alert/abc, INCIDENT",
            "/v1/teams/payments/queue/since-handover, INCIDENT",
            "/v1/teams/payments/questions/42/claim, INCIDENT",
            "/v1/teams/payments/incidents, INCIDENT",
            "/v1/incidents/7/tasks, INCIDENT",
            "/v1/teams/payments/alerts/fp-1/acknowledge, NOTIFICATION",
            "/v1/teams/payments/paging-policy, NOTIFICATION",
            "/v1/teams/payments/on-duty, NOTIFICATION",
            "/v1/teams/payments/members/alice/contact, NOTIFICATION",
            "/v1/teams/payments/channels, NOTIFICATION",
            "/v1/teams/payments/slack, NOTIFICATION",
            "/v1/slack/workspaces/T0123, NOTIFICATION",
            "/v1/teams/payments/members/alice, ROTATION",
            "/v1/teams/payments/members, ROTATION",
            "/v1/teams/payments/experts, INCIDENT",
            "/v1/notifications, NOTIFICATION",
            "/v1/teams, ROTATION",
            "/v1/teams/payments, ROTATION",
            "/v1/teams/payments/on-call, ROTATION",
            "/v1/teams/payments/handovers/1/accept, ROTATION",
            "/v1/teams/queue, ROTATION",
            "/v1/calendars/teams/payments.ics, ROTATION",
            "/v1/integrations/5/token, INGEST",
            "/v1/webhooks/alertmanager, INGEST",
            "/v1/questions, INGEST",
            "/v2/alerts, INGEST",
    })
    void routesToTheMostSpecificOwner(String path, Owner owner) {
        assertThat(ApiRoutes.ownerOf(path)).contains(owner);
    }

    @ParameterizedTest
    @CsvSource({"/admin/projections/on-call/rebuild", "/q/health", "/v1/teamsx", "/today", "/v1/teams/../admin"})
    void leavesOtherPathsAlone(String path) {
        assertThat(ApiRoutes.ownerOf(path)).isEqualTo(Optional.empty());
    }
}
