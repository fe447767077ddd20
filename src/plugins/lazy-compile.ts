import { createRequire } from 'node:module';
import type { FastifySchemaValidationError, FastifyServerOptions } from 'fastify';

/**
 * Route schemas compiled at their first use instead of at start. Fastify compiles a validator for
 * every part of every route and a serializer for every status of every response schema while the
 * app starts: about 2.5 s of CPU for Musubi's ~150 routes (ajv and fast-json-stringify, measured
 * with --cpu-prof), most of it for answers (4xx problem shapes) that a given run never sends. Each
 * compiled function is kept, so only a route's first request pays for it (a few milliseconds).
 * The security walk (test/src/security-walk.test.ts) calls every route, so a broken schema still
 * fails the tests.
 */

type Validate = ((data: unknown) => boolean) & { errors?: FastifySchemaValidationError[] | null };

/** A validator compiled at its first call; Fastify reads `errors` from the function it was given. */
export function lazyValidator(compile: () => Validate): Validate {
  let validate: Validate | undefined;
  const lazy: Validate = (data) => {
    validate ??= compile();
    const ok = validate(data);
    lazy.errors = validate.errors;
    return ok;
  };
  return lazy;
}

type SerializerFactory = (externalSchemas: unknown, options: unknown) => (route: unknown) => (data: unknown) => string;

/**
 * Fastify's own serializer compiler (fast-json-stringify, with the shared schemas), made lazy. It is
 * resolved from fastify's own dependencies, as fastify resolves it.
 */
export function lazySerializers(): NonNullable<FastifyServerOptions['schemaController']> {
  const fromFastify = createRequire(createRequire(import.meta.url).resolve('fastify'));
  const defaultFactory = (fromFastify('@fastify/fast-json-stringify-compiler') as { SerializerSelector: () => SerializerFactory }).SerializerSelector();
  return {
    compilersFactory: {
      buildSerializer: ((externalSchemas: unknown, options: unknown) => {
        const compile = defaultFactory(externalSchemas, options);
        return (route: unknown) => {
          let serialize: ((data: unknown) => string) | undefined;
          return (data: unknown) => {
            serialize ??= compile(route);
            return serialize(data);
          };
        };
      }) as never,
    },
  };
}
