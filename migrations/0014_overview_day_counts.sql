CREATE TABLE `report_day_counts` (
	`day` text NOT NULL,
	`category` text NOT NULL,
	`region` text NOT NULL,
	`team` text NOT NULL,
	`assignee` text NOT NULL,
	`work_status` text NOT NULL,
	`reports` integer NOT NULL,
	`loss_cents` integer NOT NULL,
	PRIMARY KEY(`day`, `category`, `region`, `team`, `assignee`, `work_status`)
);
