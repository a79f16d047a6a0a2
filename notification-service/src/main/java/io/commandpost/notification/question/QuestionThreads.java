package io.commandpost.notification.question;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The {@code question_thread} table: where each emailed question was asked, so its answer can go back there. */
@ApplicationScoped
public class QuestionThreads {

    /** An emailed question: the asker's address, its Message-ID, the mail's subject and the question. */
    public record Thread(UUID questionId, String team, String channel, String asker, String threadRef, String subject,
                         String question) {
    }

    private final AgroalDataSource dataSource;

    QuestionThreads(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void save(Thread thread, Instant askedAt) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into question_thread (question_id, team, channel, asker, thread_ref, subject, question, asked_at)
                     values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (question_id) do nothing""")) {
            insert.setObject(1, thread.questionId());
            insert.setString(2, thread.team());
            insert.setString(3, thread.channel());
            insert.setString(4, thread.asker());
            insert.setString(5, thread.threadRef());
            insert.setString(6, thread.subject());
            insert.setString(7, thread.question());
            insert.setTimestamp(8, Timestamp.from(askedAt));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record question " + thread.questionId(), e);
        }
    }

    public Optional<Thread> find(UUID questionId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     select question_id, team, channel, asker, thread_ref, subject, question
                     from question_thread where question_id = ?""")) {
            select.setObject(1, questionId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(new Thread(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read question " + questionId, e);
        }
    }
}
