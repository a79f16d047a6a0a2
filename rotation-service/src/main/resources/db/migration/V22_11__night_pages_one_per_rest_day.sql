-- Issue 11: a member paged many times in one night rests once; the plan needs one page per member and rest
-- day, and every plan read all of a team's rows (a night of 5,000 pages re-read 5,000 rows at each page).
-- Keeps the page learnt first (recorded_at decides whether it may change the rest day's plan).
delete from night_pages p using night_pages q
where p.team_id = q.team_id and p.member = q.member and p.rest_day = q.rest_day
  and (q.recorded_at, q.paged_at, q.event_id) < (p.recorded_at, p.paged_at, p.event_id);
create unique index night_pages_one_per_rest_day on night_pages (team_id, member, rest_day);
