CREATE TABLE `follow_ups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`organization_id` integer NOT NULL,
	`months` integer NOT NULL,
	`asked_at` text NOT NULL,
	`answered_at` text,
	`outcomes` text,
	`investment_amount` real,
	`investment_currency` text,
	`note` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `follow_ups_side_unique` ON `follow_ups` (`meeting_id`,`organization_id`,`months`);--> statement-breakpoint
CREATE TABLE `meeting_feedback` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`organization_id` integer NOT NULL,
	`attendee_id` integer,
	`took_place` integer NOT NULL,
	`interest` text,
	`cooperation` text,
	`next_steps` text,
	`via` text NOT NULL,
	`answered_at` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`attendee_id`) REFERENCES `attendees`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "meeting_feedback_interest_check" CHECK("meeting_feedback"."interest" is null or "meeting_feedback"."interest" in ('none', 'some', 'strong')),
	CONSTRAINT "meeting_feedback_cooperation_check" CHECK("meeting_feedback"."cooperation" is null or "meeting_feedback"."cooperation" in ('yes', 'maybe', 'no'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meeting_feedback_side_unique` ON `meeting_feedback` (`meeting_id`,`organization_id`);--> statement-breakpoint
CREATE TABLE `message_links` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`purpose` text NOT NULL,
	`email` text NOT NULL,
	`category` text,
	`meeting_id` integer,
	`attendee_id` integer,
	`organization_id` integer,
	`months` integer,
	`lang` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`attendee_id`) REFERENCES `attendees`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `message_opt_outs` (
	`email` text NOT NULL,
	`category` text NOT NULL,
	`at` text NOT NULL,
	PRIMARY KEY(`email`, `category`)
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idempotency_key` text NOT NULL,
	`kind` text NOT NULL,
	`event_id` integer,
	`attendee_id` integer,
	`organization_id` integer,
	`recipient_email` text NOT NULL,
	`recipient_name` text NOT NULL,
	`lang` text NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`html` text NOT NULL,
	`attachments` text NOT NULL,
	`unsubscribe_url` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`lease_owner` text,
	`lease_until` text,
	`last_error` text,
	`message_id` text NOT NULL,
	`created_at` text NOT NULL,
	`sent_at` text,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`attendee_id`) REFERENCES `attendees`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "outbox_status_check" CHECK("outbox"."status" in ('pending', 'sent', 'failed', 'suppressed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_idempotency_key_unique` ON `outbox` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_event_idx` ON `outbox` (`event_id`);--> statement-breakpoint
ALTER TABLE `events` ADD `programme` text;--> statement-breakpoint
ALTER TABLE `events` ADD `follow_up_months` text DEFAULT '[3,6]' NOT NULL;