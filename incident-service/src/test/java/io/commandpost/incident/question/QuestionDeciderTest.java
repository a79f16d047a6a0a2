package io.commandpost.incident.question;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commandpost.events.QuestionEvent;
import io.commandpost.platform.domain.InvalidCommandException;
import io.commandpost.platform.domain.NotFoundException;
import io.commandpost.platform.domain.RuleViolationException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QuestionDeciderTest {

    static final Instant NOW = Instant.parse("2026-03-29T07:00:00Z");
    static final UUID ID = UUID.fromString("00000000-0000-4000-8000-000000000001");

    final QuestionDecider decider = new QuestionDecider(new QuestionDecider.Asked(ID, "payments", "slack",
            "C123/1531420618.000200"));

    @Test
    void anAnswerGoesBackWhereTheQuestionCameFrom() {
        assertThat(decider.decide(new QuestionCommand.Answer("billing owns it", "alice"), Question.OPEN, NOW))
                .containsExactly(new QuestionEvent.QuestionAnswered(ID, "payments", "slack", "C123/1531420618.000200",
                        "billing owns it", "alice", NOW));
    }

    @Test
    void claimingMakesTheClaimerTheOwnerOnce() {
        List<QuestionEvent> claimed = decider.decide(new QuestionCommand.Claim("alice"), Question.OPEN, NOW);
        Question state = decider.fold(Question.OPEN, claimed);

        assertThat(state.claimedBy()).isEqualTo("alice");
        assertThat(decider.decide(new QuestionCommand.Claim("alice"), state, NOW)).isEmpty();
        assertThat(decider.decide(new QuestionCommand.Claim("bob"), state, NOW)).hasSize(1);
    }

    @Test
    void closingWithoutAnAnswerNeedsAReason() {
        assertThatThrownBy(() -> decider.decide(new QuestionCommand.Close(" ", "alice"), Question.OPEN, NOW))
                .isInstanceOf(InvalidCommandException.class);
        assertThat(decider.decide(new QuestionCommand.Close("duplicate", "alice"), Question.OPEN, NOW))
                .containsExactly(new QuestionEvent.QuestionClosed(ID, "payments", "duplicate", "alice", NOW));
    }

    @Test
    void snoozingNeedsAReasonAndATimeToCome() {
        assertThatThrownBy(() -> decider.decide(new QuestionCommand.Snooze(NOW, "vendor", "alice"), Question.OPEN,
                NOW)).isInstanceOf(InvalidCommandException.class).hasMessageContaining("after now");
        assertThatThrownBy(() -> decider.decide(new QuestionCommand.Snooze(NOW.plusSeconds(60), null, "alice"),
                Question.OPEN, NOW)).isInstanceOf(InvalidCommandException.class);
        Question snoozed = decider.fold(Question.OPEN, decider.decide(new QuestionCommand.Snooze(NOW.plusSeconds(3600),
                "waiting for the vendor", "alice"), Question.OPEN, NOW));
        assertThat(snoozed.snoozedUntil()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(snoozed.open()).isTrue();
    }

    @Test
    void anAnsweredClosedOrConvertedQuestionTakesNoMoreActions() {
        for (QuestionEvent end : List.of(
                new QuestionEvent.QuestionAnswered(ID, "payments", "slack", null, "yes", "alice", NOW),
                new QuestionEvent.QuestionClosed(ID, "payments", "dup", "alice", NOW),
                new QuestionEvent.QuestionTurnedIntoIncident(ID, "payments", UUID.randomUUID(), "alice", NOW))) {
            Question ended = decider.evolve(Question.OPEN, end);
            assertThatThrownBy(() -> decider.decide(new QuestionCommand.Claim("bob"), ended, NOW))
                    .isInstanceOf(RuleViolationException.class).hasMessageContaining("left the queue");
        }
    }

    @Test
    void aQuestionTheQueueNeverSawIsNotFound() {
        assertThatThrownBy(() -> new QuestionDecider(null).decide(new QuestionCommand.Claim("alice"), Question.OPEN,
                NOW)).isInstanceOf(NotFoundException.class);
    }
}
