package io.commandpost.notification.oncall;

import io.commandpost.events.ShiftEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The oncall_handover rows of the on-call projection. Each event fills only its own columns, so the
 * row is the same whichever of ShiftHandedOver and ShiftHandoverAccepted is applied first.
 */
final class HandoverRows {

    private HandoverRows() {
    }

    static void handedOver(Connection connection, ShiftEvent.ShiftHandedOver handedOver) throws SQLException {
        if (handedOver.handoverId() == null) {
            return; // a legacy handover without id cannot be referred to by later events
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                insert into oncall_handover (handover_id, team_id, shift_id, from_member, to_team_id, to_member, notes,
                    open_items, accept_by, handed_over_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (handover_id) do update set team_id = excluded.team_id, shift_id = excluded.shift_id,
                    from_member = excluded.from_member, to_team_id = excluded.to_team_id,
                    to_member = excluded.to_member, notes = excluded.notes, open_items = excluded.open_items,
                    accept_by = excluded.accept_by, handed_over_at = excluded.handed_over_at""")) {
            upsert.setObject(1, handedOver.handoverId());
            upsert.setString(2, handedOver.teamId());
            upsert.setObject(3, handedOver.shiftId());
            upsert.setString(4, handedOver.fromMember());
            upsert.setString(5, handedOver.toTeamId() == null ? handedOver.teamId() : handedOver.toTeamId());
            upsert.setString(6, handedOver.toMember());
            upsert.setString(7, handedOver.notes());
            upsert.setInt(8, handedOver.openItems() == null ? 0 : handedOver.openItems().size());
            upsert.setTimestamp(9, timestamp(handedOver.acceptBy()));
            upsert.setTimestamp(10, timestamp(handedOver.handedOverAt()));
            upsert.executeUpdate();
        }
    }

    static void accepted(Connection connection, ShiftEvent.ShiftHandoverAccepted accepted) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                insert into oncall_handover (handover_id, team_id, accepted_by, accepted_at) values (?, ?, ?, ?)
                on conflict (handover_id) do update set accepted_by = excluded.accepted_by,
                    accepted_at = excluded.accepted_at""")) {
            upsert.setObject(1, accepted.handoverId());
            upsert.setString(2, accepted.teamId());
            upsert.setString(3, accepted.acceptedBy());
            upsert.setTimestamp(4, timestamp(accepted.acceptedAt()));
            upsert.executeUpdate();
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
