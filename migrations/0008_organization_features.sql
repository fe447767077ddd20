CREATE TABLE `organization_features` (
	`organization_id` integer PRIMARY KEY NOT NULL,
	`texts_hash` text NOT NULL,
	`features` text NOT NULL,
	`ranked_hash` text,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
