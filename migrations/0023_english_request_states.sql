-- Request states in English (shared/mutations/upcast.ts): each request's state, its steps (kept under the state
-- they reached, each saying where it came from), the registers they were derived from and the conflict notices.
-- The outbox keeps its changes as their officers signed them and the audit log is chained: both stay, and are
-- read through the upcast. The old words and the new are disjoint, so a row already in English is left alone.
CREATE TEMP TABLE `__request_state_words` (`old` text PRIMARY KEY NOT NULL, `new` text NOT NULL);
--> statement-breakpoint
INSERT INTO `__request_state_words` (`old`, `new`) VALUES
  ('concept', 'draft'), ('ter_goedkeuring', 'awaiting_approval'), ('goedgekeurd', 'approved'), ('verzonden', 'sent'),
  ('bevestigd', 'acknowledged'), ('uitgevoerd', 'executed'), ('afgewezen', 'refused'), ('verlopen', 'expired');
--> statement-breakpoint
UPDATE `actions` SET `state` = `words`.`new` FROM `__request_state_words` AS `words` WHERE `actions`.`state` = `words`.`old`;
--> statement-breakpoint
UPDATE `actions` SET `payload` = json_set(`payload`, '$.steps', json((
    SELECT json_group_object(
             coalesce((SELECT `new` FROM `__request_state_words` WHERE `old` = `step`.`key`), `step`.`key`),
             json(CASE WHEN json_type(`step`.`value`, '$.from') = 'text'
               THEN json_set(`step`.`value`, '$.from', coalesce((SELECT `new` FROM `__request_state_words` WHERE `old` = json_extract(`step`.`value`, '$.from')), json_extract(`step`.`value`, '$.from')))
               ELSE `step`.`value` END))
      FROM json_each(`actions`.`payload`, '$.steps') AS `step`)))
  WHERE json_type(`payload`, '$.steps') = 'object';
--> statement-breakpoint
UPDATE `field_versions` SET `value` = json_quote(`words`.`new`) FROM `__request_state_words` AS `words`
  WHERE `field_versions`.`entity` = 'action' AND `field_versions`.`field` = 'state' AND `field_versions`.`value` = json_quote(`words`.`old`);
--> statement-breakpoint
UPDATE `field_versions` SET `field` = 'step:' || `words`.`new` FROM `__request_state_words` AS `words`
  WHERE `field_versions`.`entity` = 'action' AND `field_versions`.`field` = 'step:' || `words`.`old`;
--> statement-breakpoint
UPDATE `field_versions` SET `value` = json_set(`value`, '$.from', `words`.`new`) FROM `__request_state_words` AS `words`
  WHERE `field_versions`.`entity` = 'action' AND `field_versions`.`field` LIKE 'step:%' AND json_extract(`field_versions`.`value`, '$.from') = `words`.`old`;
--> statement-breakpoint
UPDATE `sync_conflicts` SET `my_value` = json_quote(`words`.`new`) FROM `__request_state_words` AS `words`
  WHERE `sync_conflicts`.`entity` = 'action' AND `sync_conflicts`.`field` = 'state' AND `sync_conflicts`.`my_value` = json_quote(`words`.`old`);
--> statement-breakpoint
UPDATE `sync_conflicts` SET `winning_value` = json_quote(`words`.`new`) FROM `__request_state_words` AS `words`
  WHERE `sync_conflicts`.`entity` = 'action' AND `sync_conflicts`.`field` = 'state' AND `sync_conflicts`.`winning_value` = json_quote(`words`.`old`);
--> statement-breakpoint
UPDATE `sync_conflicts` SET `field` = 'step:' || `words`.`new` FROM `__request_state_words` AS `words`
  WHERE `sync_conflicts`.`entity` = 'action' AND `sync_conflicts`.`field` = 'step:' || `words`.`old`;
--> statement-breakpoint
UPDATE `sync_conflicts` SET `my_value` = json_set(`my_value`, '$.from', `words`.`new`) FROM `__request_state_words` AS `words`
  WHERE `sync_conflicts`.`entity` = 'action' AND `sync_conflicts`.`field` LIKE 'step:%' AND json_extract(`sync_conflicts`.`my_value`, '$.from') = `words`.`old`;
--> statement-breakpoint
UPDATE `sync_conflicts` SET `winning_value` = json_set(`winning_value`, '$.from', `words`.`new`) FROM `__request_state_words` AS `words`
  WHERE `sync_conflicts`.`entity` = 'action' AND `sync_conflicts`.`field` LIKE 'step:%' AND json_extract(`sync_conflicts`.`winning_value`, '$.from') = `words`.`old`;
--> statement-breakpoint
DROP TABLE `__request_state_words`;
