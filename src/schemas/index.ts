import type { Ajv } from 'ajv';
import type { FastifyInstance } from 'fastify';
import { Problem } from './common.ts';
import { Match } from './matches.ts';
import { Organization, OrganizationInput } from './organizations.ts';

/** Schemas that routes refer to by `$id`; they become components of the OpenAPI document. */
export const sharedSchemas = [Problem, OrganizationInput, Organization, Match];

/** Makes the shared schemas resolvable in a validator; safe to call more than once. */
export function addSharedSchemas(ajv: Ajv): void {
  for (const schema of sharedSchemas) {
    const id = (schema as { $id?: string }).$id!;
    if (!ajv.getSchema(id)) ajv.addSchema(schema, id);
  }
}

export function addSharedSchemasToApp(app: FastifyInstance): void {
  for (const schema of sharedSchemas) app.addSchema(schema);
}
