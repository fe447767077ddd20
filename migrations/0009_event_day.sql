CREATE TABLE `check_ins` (
	`attendee_id` integer NOT NULL,
	`event_id` integer NOT NULL,
	`date` text NOT NULL,
	`status` text NOT NULL,
	`at` text NOT NULL,
	`by` text NOT NULL,
	PRIMARY KEY(`attendee_id`, `date`),
	FOREIGN KEY (`attendee_id`) REFERENCES `attendees`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "check_ins_status_check" CHECK("check_ins"."status" in ('present', 'absent'))
);
--> statement-breakpoint
CREATE INDEX `check_ins_event_idx` ON `check_ins` (`event_id`,`date`);--> statement-breakpoint
ALTER TABLE `attendees` ADD `check_in_code` text;--> statement-breakpoint
CREATE UNIQUE INDEX `attendees_check_in_code_unique` ON `attendees` (`check_in_code`);--> statement-breakpoint
ALTER TABLE `events` ADD `freeze_minutes` integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE `meetings` ADD `day_reason` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `attendance` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `missing_attendee_ids` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `attendance_at` text;