-- Revisions as received are stored deflated in `packed` (src-main/db/stored-revision.ts), the current one without the
-- narrative its report row holds (`narrative_at`: where it goes back). Rows stored before stay text in `raw`.
ALTER TABLE `report_revisions` ADD `packed` blob;--> statement-breakpoint
ALTER TABLE `report_revisions` ADD `narrative_at` integer;