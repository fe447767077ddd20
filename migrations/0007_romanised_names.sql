ALTER TABLE `attendees` ADD `name_latin` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `interpreters` ADD `name_latin` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `organizations` ADD `name_latin` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `organizations` ADD `name_latin_edited` integer DEFAULT false NOT NULL;