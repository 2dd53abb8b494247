-- Route priorities in English (shared/mutations/upcast.ts): the values this store derived. The outbox keeps its
-- changes as their officers signed them and the audit log is chained: both stay, and are read through the upcast.
UPDATE `reports` SET `route_priority` = CASE `route_priority` WHEN 'hoog' THEN 'high' WHEN 'normaal' THEN 'normal' ELSE 'low' END
  WHERE `route_priority` IN ('hoog', 'normaal', 'laag');
--> statement-breakpoint
UPDATE `routing_rules` SET `rule` = json_set(`rule`, '$.priority', CASE json_extract(`rule`, '$.priority') WHEN 'hoog' THEN 'high' WHEN 'normaal' THEN 'normal' ELSE 'low' END)
  WHERE json_extract(`rule`, '$.priority') IN ('hoog', 'normaal', 'laag');
--> statement-breakpoint
UPDATE `field_versions` SET `value` = json_set(`value`, '$.priority', CASE json_extract(`value`, '$.priority') WHEN 'hoog' THEN 'high' WHEN 'normaal' THEN 'normal' ELSE 'low' END)
  WHERE `entity` = 'report' AND `field` = 'route' AND json_extract(`value`, '$.priority') IN ('hoog', 'normaal', 'laag');
--> statement-breakpoint
UPDATE `sync_conflicts` SET `my_value` = json_set(`my_value`, '$.priority', CASE json_extract(`my_value`, '$.priority') WHEN 'hoog' THEN 'high' WHEN 'normaal' THEN 'normal' ELSE 'low' END)
  WHERE `entity` = 'report' AND `field` = 'route' AND json_extract(`my_value`, '$.priority') IN ('hoog', 'normaal', 'laag');
--> statement-breakpoint
UPDATE `sync_conflicts` SET `winning_value` = json_set(`winning_value`, '$.priority', CASE json_extract(`winning_value`, '$.priority') WHEN 'hoog' THEN 'high' WHEN 'normaal' THEN 'normal' ELSE 'low' END)
  WHERE `entity` = 'report' AND `field` = 'route' AND json_extract(`winning_value`, '$.priority') IN ('hoog', 'normaal', 'laag');
