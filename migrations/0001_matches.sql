CREATE TABLE `matches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_a_id` integer NOT NULL,
	`org_b_id` integer NOT NULL,
	`score` real NOT NULL,
	`signals` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`note` text,
	`decided_at` text,
	`decided_by` text,
	`ranked_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`org_a_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`org_b_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "matches_order_check" CHECK("matches"."org_a_id" < "matches"."org_b_id"),
	CONSTRAINT "matches_status_check" CHECK("matches"."status" in ('pending', 'approved', 'rejected'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `matches_pair_unique` ON `matches` (`org_a_id`,`org_b_id`);--> statement-breakpoint
CREATE INDEX `matches_b_idx` ON `matches` (`org_b_id`);--> statement-breakpoint
CREATE INDEX `matches_score_idx` ON `matches` (`score`);