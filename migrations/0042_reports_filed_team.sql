-- A team's own filed reports by receipt (issue 16): a small team's overview reads its few overdue reports through
-- this index instead of every report of each overdue day and category (src-main/overview/backlog.ts), and the queue
-- filtered to one team pages and counts the team's reports only. Partial: reports no routing rule placed are not in it.
CREATE INDEX `reports_filed_team` ON `reports` (`route_team`,`received_at`) WHERE status = 'filed' AND route_team IS NOT NULL;