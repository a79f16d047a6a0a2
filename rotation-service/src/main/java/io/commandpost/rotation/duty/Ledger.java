package io.commandpost.rotation.duty;

import java.util.LinkedHashMap;
import java.util.Map;

/** The fairness ledger: per member counts over a range of planned days. */
public record Ledger(Map<String, Entry> members) {

    /**
     * @param owed days skipped for rest or leave not yet given back (at the end of the range)
     */
    public record Entry(int mroDays, int nights, int weekendDays, int skippedForRest, int skippedForLeave, int owed,
                        int overridesGiven, int overridesTaken) {

        static final Entry ZERO = new Entry(0, 0, 0, 0, 0, 0, 0, 0);

        Entry mroDay(boolean weekend) {
            return new Entry(mroDays + 1, nights, weekendDays + (weekend ? 1 : 0), skippedForRest, skippedForLeave,
                    owed, overridesGiven, overridesTaken);
        }

        Entry night(boolean weekendDay) {
            return new Entry(mroDays, nights + 1, weekendDays + (weekendDay ? 1 : 0), skippedForRest, skippedForLeave,
                    owed, overridesGiven, overridesTaken);
        }

        Entry skipped(DayPlan.Reason reason) {
            boolean leave = reason == DayPlan.Reason.LEAVE;
            return new Entry(mroDays, nights, weekendDays, skippedForRest + (leave ? 0 : 1),
                    skippedForLeave + (leave ? 1 : 0), owed, overridesGiven, overridesTaken);
        }

        Entry withOwed(int days) {
            return new Entry(mroDays, nights, weekendDays, skippedForRest, skippedForLeave, days, overridesGiven,
                    overridesTaken);
        }

        Entry plus(Entry other) {
            return new Entry(mroDays + other.mroDays, nights + other.nights, weekendDays + other.weekendDays,
                    skippedForRest + other.skippedForRest, skippedForLeave + other.skippedForLeave,
                    owed + other.owed, overridesGiven + other.overridesGiven, overridesTaken + other.overridesTaken);
        }

        Entry override(boolean given) {
            return new Entry(mroDays, nights, weekendDays, skippedForRest, skippedForLeave, owed,
                    overridesGiven + (given ? 1 : 0), overridesTaken + (given ? 0 : 1));
        }
    }

    public Ledger {
        members = Map.copyOf(new LinkedHashMap<>(members));
    }

    public Entry of(String member) {
        return members.getOrDefault(member, Entry.ZERO);
    }
}
