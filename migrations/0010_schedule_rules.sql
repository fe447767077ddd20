ALTER TABLE `attendees` ADD `unavailable` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `matches` ADD `part` text DEFAULT 'any' NOT NULL;--> statement-breakpoint
ALTER TABLE `matches` ADD `rule` text;--> statement-breakpoint
ALTER TABLE `meeting_requests` ADD `part` text DEFAULT 'any' NOT NULL;