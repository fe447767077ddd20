/**
 * The database schema, one file per area under schema/ (drizzle-kit reads it from here, and the
 * service imports its tables and row types from here).
 */
export * from './schema/organizations.ts';
export * from './schema/events.ts';
export * from './schema/tokens.ts';
export * from './schema/messages.ts';
