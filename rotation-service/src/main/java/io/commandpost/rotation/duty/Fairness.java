package io.commandpost.rotation.duty;

import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ADR 0011's figures of a run of planned days: the worst spread of MRO-day totals over its quarters (consecutive
 * 91 days from the first, or the whole run when shorter), the worst spread over any 4 weeks (28 days), and the
 * longest wait (days between two MRO days of the same member).
 */
public record Fairness(int worstQuarterSpread, int worstFourWeekSpread, int longestWait) {

    public static Fairness of(List<DayPlan> days, List<String> members) {
        int quarters = 0;
        for (int start = 0; start + 91 <= days.size(); start += 91) {
            quarters = Math.max(quarters, worstSpread(days.subList(start, start + 91), members, 91));
        }
        if (days.size() < 91) {
            quarters = worstSpread(days, members, days.size());
        }
        return new Fairness(quarters, worstSpread(days, members, Math.min(28, days.size())),
                longestWait(days, members));
    }

    /** The largest difference of MRO days between two members over any {@code length} consecutive days. */
    static int worstSpread(List<DayPlan> days, List<String> members, int length) {
        int worst = 0;
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < days.size(); i++) {
            String mro = days.get(i).mro();
            if (mro != null) {
                counts.merge(mro, 1, Integer::sum);
            }
            if (i >= length) {
                String out = days.get(i - length).mro();
                if (out != null) {
                    counts.merge(out, -1, Integer::sum);
                }
            }
            if (i >= length - 1) {
                int most = 0;
                int least = Integer.MAX_VALUE;
                for (String member : members) {
                    int count = counts.getOrDefault(member, 0);
                    most = Math.max(most, count);
                    least = Math.min(least, count);
                }
                worst = Math.max(worst, most - least);
            }
        }
        return worst;
    }

    static int longestWait(List<DayPlan> days, List<String> members) {
        int longest = 0;
        Map<String, DayPlan> last = new HashMap<>();
        for (DayPlan day : days) {
            if (day.mro() != null && members.contains(day.mro())) {
                DayPlan before = last.put(day.mro(), day);
                if (before != null) {
                    longest = Math.max(longest, (int) ChronoUnit.DAYS.between(before.day(), day.day()));
                }
            }
        }
        return longest;
    }

    /** E.g. "quarter 1 / 4 weeks 2 / wait 18". */
    @Override
    public String toString() {
        return "quarter " + worstQuarterSpread + " / 4 weeks " + worstFourWeekSpread + " / wait " + longestWait;
    }
}
