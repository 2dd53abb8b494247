-- A mention's field path (`incident.narrative`, `suspect.phoneNumbers[0]`, ~19 bytes on every mention) is kept as a
-- short code (`#n`, `#p0`): src-main/db/reports/mention-field.ts, whose tables this statement spells out. Paths it
-- has no code for stay as they are; a stored code is left alone. Equal paths get equal codes, so the triggers that
-- compare `mentions.field` (kept counts, migration 0026) answer as before. No table is rebuilt: the triggers on
-- `mentions` stay. An upgraded store's pages keep the freed bytes until a VACUUM; new rows take the short form.
UPDATE `mentions` SET `field` = coalesce(CASE `field`
  WHEN 'incident.narrative' THEN '#n'
  WHEN 'incident.summary' THEN '#s'
  WHEN 'remoteAccess' THEN '#r'
  WHEN 'ransomware.contact' THEN '#rc'
  WHEN 'ransomware.ransomNote' THEN '#rn'
  END, CASE
  WHEN `field` GLOB 'suspect.phoneNumbers[[][0-9]*]' AND substr(`field`, 22, length(`field`) - 22) NOT GLOB '*[^0-9]*' THEN '#p' || substr(`field`, 22, length(`field`) - 22)
  WHEN `field` GLOB 'suspect.emailAddresses[[][0-9]*]' AND substr(`field`, 24, length(`field`) - 24) NOT GLOB '*[^0-9]*' THEN '#e' || substr(`field`, 24, length(`field`) - 24)
  WHEN `field` GLOB 'suspect.websites[[][0-9]*]' AND substr(`field`, 18, length(`field`) - 18) NOT GLOB '*[^0-9]*' THEN '#w' || substr(`field`, 18, length(`field`) - 18)
  WHEN `field` GLOB 'suspect.bankAccounts[[][0-9]*]' AND substr(`field`, 22, length(`field`) - 22) NOT GLOB '*[^0-9]*' THEN '#b' || substr(`field`, 22, length(`field`) - 22)
  WHEN `field` GLOB 'suspect.cryptoAddresses[[][0-9]*]' AND substr(`field`, 25, length(`field`) - 25) NOT GLOB '*[^0-9]*' THEN '#c' || substr(`field`, 25, length(`field`) - 25)
  WHEN `field` GLOB 'suspect.socialMedia[[][0-9]*]' AND substr(`field`, 21, length(`field`) - 21) NOT GLOB '*[^0-9]*' THEN '#m' || substr(`field`, 21, length(`field`) - 21)
  WHEN `field` GLOB 'suspect.other[[][0-9]*]' AND substr(`field`, 15, length(`field`) - 15) NOT GLOB '*[^0-9]*' THEN '#o' || substr(`field`, 15, length(`field`) - 15)
  WHEN `field` GLOB 'payments[[][0-9]*].beneficiaryAccount' AND substr(`field`, 10, length(`field`) - 29) NOT GLOB '*[^0-9]*' THEN '#a' || substr(`field`, 10, length(`field`) - 29)
  WHEN `field` GLOB 'payments[[][0-9]*].reference' AND substr(`field`, 10, length(`field`) - 20) NOT GLOB '*[^0-9]*' THEN '#f' || substr(`field`, 10, length(`field`) - 20)
  END, `field`)
WHERE `field` NOT GLOB '#*';
