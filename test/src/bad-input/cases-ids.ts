/** Bad input: every route with an id × bad ids, and bad tokens. */
import { BAD_IDS, badUtf8Json, type Case, ID_ROUTES, JSON_ROUTES, jsonRaw, newProfile, NONE, overMiB, SESSION } from './fixtures.ts';

export const idsCases: Case[] = [
  // ===== every route with an id × bad ids =====
  ...ID_ROUTES.flatMap((route) =>
    BAD_IDS.map(
      (id): Case => ({
        name: `${route.method} ${route.url(':id')} with id ${decodeURIComponent(id)}`,
        method: route.method,
        url: route.url(id),
        ...(route.body !== undefined ? { payload: route.body } : {}),
        status: 400,
        field: 'params.id',
      }),
    ),
  ),
  { name: 'DELETE an unknown organisation', method: 'DELETE', url: `/api/organizations/${NONE}`, status: 404 },
  { name: 'DELETE an unknown event', method: 'DELETE', url: `/api/events/${NONE}`, status: 404 },
  { name: 'DELETE an unknown attendee', method: 'DELETE', url: `/api/attendees/${NONE}`, status: 404 },
  { name: 'DELETE token abc', method: 'DELETE', url: '/api/tokens/abc', status: 400, field: 'params.id' },
  { name: 'DELETE an unknown token', method: 'DELETE', url: `/api/tokens/${NONE}`, status: 404 },
  // Ids in another notation are coerced to a number by the query/path validator (0x1 → 1, 1e0 → 1): the
  // JP fixture is organisation 1, so these read it instead of answering 400 for a malformed path.
  ...['0x1', '1e0', '+1', '%201', '1.0'].map(
    (id): Case => ({
      name: `GET an organisation by id ${decodeURIComponent(id)} (not a plain decimal)`,
      method: 'GET',
      url: `/api/organizations/${id}`,
      status: 400,
      field: 'params.id',
    }),
  ),
  {
    name: 'list organisations with limit=0x10 (not a plain decimal)',
    method: 'GET',
    url: '/api/organizations?limit=0x10',
    status: 400,
    field: 'querystring.limit',
  },
  { name: 'id with a path traversal', method: 'GET', url: '/api/organizations/..%2F..%2Fetc%2Fpasswd', status: 400, field: 'params.id' },
  { name: 'id of 30 digits', method: 'GET', url: `/api/organizations/${'9'.repeat(30)}`, status: [400, 404] },

  // ===== every JSON route × wrong content type, invalid UTF-8, oversized body =====
  ...JSON_ROUTES.flatMap((route): Case[] => [
    ...(
      [
        ['text/plain', 'hello'],
        ['application/xml', '<profile><name>x</name></profile>'],
        ['multipart/form-data; boundary=XyZ', '--XyZ\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--XyZ--\r\n'],
        ['application/x-www-form-urlencoded', 'name=x&kind=company'],
        ['text/csv', 'name\nx\n'],
        ['application/json; charset=latin1', '{"name":"x"}'],
      ] as const
    ).map(
      ([type, body]): Case => ({
        name: `${route.method} ${route.url} as ${type}`,
        method: route.method,
        url: route.url,
        headers: { 'content-type': type },
        payload: body,
        status: 415,
      }),
    ),
    { name: `${route.method} ${route.url} with invalid UTF-8`, method: route.method, url: route.url, ...jsonRaw(badUtf8Json(route.key)), status: 400 },
    {
      name: `${route.method} ${route.url} with a body over 1 MiB`,
      method: route.method,
      url: route.url,
      headers: { 'content-type': 'application/json' },
      payload: overMiB(route.key),
      status: 413,
    },
  ]),

  // ===== unknown routes and methods, and no valid token =====
  { name: 'unknown route under an organisation', method: 'GET', url: '/api/organizations/{jp}/nope', status: 404 },
  { name: 'unknown route under an event', method: 'POST', url: '/api/events/{event}/nope', payload: {}, status: 404 },
  { name: 'a typo in the collection', method: 'POST', url: '/api/organization', payload: newProfile(), status: 404 },
  { name: 'DELETE a match (no such method)', method: 'DELETE', url: '/api/matches/{match}', status: 404 },
  { name: 'PUT an event (no such method)', method: 'PUT', url: '/api/events/{event}', payload: SESSION, status: 404 },
  { name: 'create without a token', method: 'POST', url: '/api/organizations', headers: { authorization: '' }, payload: newProfile(), status: 401 },
  {
    name: 'create with an unknown token',
    method: 'POST',
    url: '/api/organizations',
    headers: { authorization: 'Bearer not-a-real-token' },
    payload: newProfile(),
    status: 401,
  },
  {
    name: 'create with an injection as the token',
    method: 'POST',
    url: '/api/organizations',
    headers: { authorization: `Bearer ' OR 1=1 --` },
    payload: newProfile(),
    status: 401,
  },
];
