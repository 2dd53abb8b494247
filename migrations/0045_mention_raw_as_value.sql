-- A mention typed exactly as its indicator's value (an IBAN or address as stored: ~30 % of mentions) keeps an empty
-- `raw`: src-main/db/reports/mention-raw.ts, which reads it back as the value. A mention's text is never empty, so
-- no other row reads differently. No trigger watches `raw`. An upgraded store's pages keep the freed bytes until a
-- VACUUM; new rows take the short form.
UPDATE `mentions` SET `raw` = '' WHERE `raw` = (SELECT `value` FROM `indicators` WHERE `indicators`.`id` = `mentions`.`indicator_id`);
