-- Request states in English (shared/mutations/upcast.ts): the hub's own state of each request, which guards the next
-- transition. The mutations stay as their officers signed them and are judged through the upcast.
UPDATE "action_states" SET "state" = CASE "state"
    WHEN 'concept' THEN 'draft' WHEN 'ter_goedkeuring' THEN 'awaiting_approval' WHEN 'goedgekeurd' THEN 'approved'
    WHEN 'verzonden' THEN 'sent' WHEN 'bevestigd' THEN 'acknowledged' WHEN 'uitgevoerd' THEN 'executed'
    WHEN 'afgewezen' THEN 'refused' ELSE 'expired' END
  WHERE "state" IN ('concept', 'ter_goedkeuring', 'goedgekeurd', 'verzonden', 'bevestigd', 'uitgevoerd', 'afgewezen', 'verlopen');
