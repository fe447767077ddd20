CREATE TABLE `attendees` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`organization_id` integer NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`languages` text NOT NULL,
	`time_zone` text NOT NULL,
	`online` integer DEFAULT false NOT NULL,
	`availability` text NOT NULL,
	`max_meetings` integer DEFAULT 12 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `attendees_event_idx` ON `attendees` (`event_id`);--> statement-breakpoint
CREATE INDEX `attendees_org_idx` ON `attendees` (`organization_id`);--> statement-breakpoint
CREATE TABLE `event_tables` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`name` text NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `event_tables_name_unique` ON `event_tables` (`event_id`,`name`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`city` text NOT NULL,
	`time_zone` text NOT NULL,
	`days` text NOT NULL,
	`slot_minutes` integer NOT NULL,
	`allow_online` integer DEFAULT false NOT NULL,
	`request_ttl_hours` integer DEFAULT 48 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `interpreters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`name` text NOT NULL,
	`pairs` text NOT NULL,
	`availability` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `interpreters_event_idx` ON `interpreters` (`event_id`);--> statement-breakpoint
CREATE TABLE `meeting_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`from_attendee_id` integer NOT NULL,
	`to_organization_id` integer NOT NULL,
	`message` text,
	`status` text DEFAULT 'requested' NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`responded_at` text,
	`responded_by` integer,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`from_attendee_id`) REFERENCES `attendees`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`to_organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`responded_by`) REFERENCES `attendees`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "meeting_requests_status_check" CHECK("meeting_requests"."status" in ('requested', 'accepted', 'declined', 'cancelled'))
);
--> statement-breakpoint
CREATE INDEX `meeting_requests_event_idx` ON `meeting_requests` (`event_id`);--> statement-breakpoint
CREATE TABLE `meeting_seats` (
	`attendee_id` integer NOT NULL,
	`slot_start` text NOT NULL,
	`meeting_id` integer NOT NULL,
	PRIMARY KEY(`attendee_id`, `slot_start`),
	FOREIGN KEY (`attendee_id`) REFERENCES `attendees`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `meeting_seats_meeting_idx` ON `meeting_seats` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`uid` text NOT NULL,
	`request_id` integer,
	`org_low_id` integer NOT NULL,
	`org_high_id` integer NOT NULL,
	`attendee_a_id` integer NOT NULL,
	`attendee_b_id` integer NOT NULL,
	`slot_start` text NOT NULL,
	`slot_end` text NOT NULL,
	`table_id` integer,
	`interpreter_id` integer,
	`online` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`source` text NOT NULL,
	`sequence` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`request_id`) REFERENCES `meeting_requests`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`org_low_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`org_high_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`attendee_a_id`) REFERENCES `attendees`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`attendee_b_id`) REFERENCES `attendees`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`table_id`) REFERENCES `event_tables`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`interpreter_id`) REFERENCES `interpreters`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "meetings_org_order_check" CHECK("meetings"."org_low_id" < "meetings"."org_high_id"),
	CONSTRAINT "meetings_status_check" CHECK("meetings"."status" in ('scheduled', 'cancelled'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meetings_uid_unique` ON `meetings` (`uid`);--> statement-breakpoint
CREATE INDEX `meetings_event_idx` ON `meetings` (`event_id`,`slot_start`);--> statement-breakpoint
CREATE UNIQUE INDEX `meetings_table_slot_unique` ON `meetings` (`table_id`,`slot_start`) WHERE status = 'scheduled' and table_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `meetings_interpreter_slot_unique` ON `meetings` (`interpreter_id`,`slot_start`) WHERE status = 'scheduled' and interpreter_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `meetings_pair_unique` ON `meetings` (`event_id`,`org_low_id`,`org_high_id`) WHERE status = 'scheduled';--> statement-breakpoint
ALTER TABLE `api_tokens` ADD `attendee_id` integer REFERENCES attendees(id);