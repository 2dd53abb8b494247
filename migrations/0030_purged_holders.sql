CREATE TABLE `purged_holders` (
	`subject` text PRIMARY KEY NOT NULL,
	`purged_on` text NOT NULL
);
