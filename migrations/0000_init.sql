CREATE TABLE `api_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token_hash` text NOT NULL,
	`role` text NOT NULL,
	`organization_id` integer,
	`label` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`last_used_at` text,
	`revoked_at` text,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "api_tokens_role_check" CHECK("api_tokens"."role" in ('matchmaker', 'organization', 'attendee'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_token_hash_unique` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `api_tokens_organization_idx` ON `api_tokens` (`organization_id`);--> statement-breakpoint
CREATE TABLE `organizations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`external_id` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`country` text NOT NULL,
	`city` text NOT NULL,
	`website` text,
	`employees` integer,
	`founded` integer,
	`languages` text NOT NULL,
	`sectors` text NOT NULL,
	`description` text NOT NULL,
	`offers` text NOT NULL,
	`needs` text NOT NULL,
	`sdgs` text NOT NULL,
	`contact_name` text,
	`contact_email` text,
	`contact_phone` text,
	`text_languages` text NOT NULL,
	`search_text` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "organizations_kind_check" CHECK("organizations"."kind" in ('company', 'startup', 'ngo', 'education'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organizations_external_id_unique` ON `organizations` (`external_id`);--> statement-breakpoint
CREATE INDEX `organizations_country_idx` ON `organizations` (`country`);--> statement-breakpoint
CREATE INDEX `organizations_kind_idx` ON `organizations` (`kind`);