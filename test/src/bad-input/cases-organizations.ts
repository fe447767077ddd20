/** Bad input: PUT / PATCH / GET /api/organizations, tokens, suggestions and the review queue. */
import { type Case, HUGE, INJECTIONS, JP_PROFILE, NONE, q } from './fixtures.ts';

export const organizationsCases: Case[] = [
  // ===== PUT / PATCH /api/organizations/:id =====
  { name: 'PUT with a partial profile', method: 'PUT', url: '/api/organizations/{jp}', payload: { city: 'Osaka' }, status: 422, field: 'externalId' },
  {
    name: 'PUT with kind as an injection',
    method: 'PUT',
    url: '/api/organizations/{jp}',
    payload: { ...JP_PROFILE, kind: `' OR 1=1 --` },
    status: 422,
    field: 'kind',
  },
  {
    name: 'PUT with country DROP TABLE',
    method: 'PUT',
    url: '/api/organizations/{jp}',
    payload: { ...JP_PROFILE, country: 'DROP TABLE organizations;' },
    status: 422,
    field: 'country',
  },
  {
    name: 'PUT with the externalId of the MN fixture',
    method: 'PUT',
    url: '/api/organizations/{jp}',
    payload: { ...JP_PROFILE, externalId: 'mn-fixture' },
    status: 409,
    field: 'externalId',
  },
  { name: 'PUT on an unknown id', method: 'PUT', url: `/api/organizations/${NONE}`, payload: JP_PROFILE, status: 404 },
  { name: 'PATCH with an empty object', method: 'PATCH', url: '/api/organizations/{jp}', payload: {}, status: 422, field: '' },
  {
    name: 'PATCH one good and one bad field',
    method: 'PATCH',
    url: '/api/organizations/{jp}',
    payload: { city: 'Osaka', kind: 'bank' },
    status: 422,
    field: 'kind',
  },
  { name: 'PATCH city to only spaces', method: 'PATCH', url: '/api/organizations/{jp}', payload: { city: '   ' }, status: 422, field: 'city' },
  { name: 'PATCH languages to []', method: 'PATCH', url: '/api/organizations/{jp}', payload: { languages: [] }, status: 422, field: 'languages' },
  { name: 'PATCH name to null', method: 'PATCH', url: '/api/organizations/{jp}', payload: { name: null }, status: 422, field: 'name' },
  {
    name: 'PATCH country to <script>',
    method: 'PATCH',
    url: '/api/organizations/{jp}',
    payload: { country: '<script>alert(1)</script>' },
    status: 422,
    field: 'country',
  },
  {
    name: 'PATCH an unknown field',
    method: 'PATCH',
    url: '/api/organizations/{jp}',
    payload: { createdAt: '2020-01-01T00:00:00Z' },
    status: 422,
    field: 'createdAt',
  },
  {
    name: 'PATCH externalId to the MN fixture',
    method: 'PATCH',
    url: '/api/organizations/{jp}',
    payload: { externalId: 'mn-fixture' },
    status: 409,
    field: 'externalId',
  },
  { name: 'PATCH a body of 100,000-character city', method: 'PATCH', url: '/api/organizations/{jp}', payload: { city: HUGE }, status: 422, field: 'city' },
  { name: 'PATCH on an unknown id', method: 'PATCH', url: `/api/organizations/${NONE}`, payload: { city: 'Osaka' }, status: 404 },

  // ===== GET /api/organizations: bad query =====
  ...(
    [
      ['limit=0', { limit: '0' }, 'querystring.limit'],
      ['limit=501', { limit: '501' }, 'querystring.limit'],
      ['limit=abc', { limit: 'abc' }, 'querystring.limit'],
      ['limit=-1', { limit: '-1' }, 'querystring.limit'],
      ['limit=1.5', { limit: '1.5' }, 'querystring.limit'],
      ['limit twice', { limit: ['1', '2'] }, 'querystring.limit'],
      ['offset=-1', { offset: '-1' }, 'querystring.offset'],
      ['offset=x', { offset: 'x' }, 'querystring.offset'],
      ['country=mn (lower case)', { country: 'mn' }, 'querystring.country'],
      ['country=Mongolia', { country: 'Mongolia' }, 'querystring.country'],
      ['kind=bank', { kind: 'bank' }, 'querystring.kind'],
      ['language=english', { language: 'english' }, 'querystring.language'],
      ['textLanguage=JA', { textLanguage: 'JA' }, 'querystring.textLanguage'],
      ['q empty', { q: '' }, 'querystring.q'],
      ['q of 10,000 characters', { q: 'w'.repeat(10_000) }, 'querystring.q'],
      ['city empty', { city: '' }, 'querystring.city'],
      ['sector of 101 characters', { sector: 's'.repeat(101) }, 'querystring.sector'],
      ['an unknown parameter', { sort: 'name' }, 'querystring.sort'],
      ...INJECTIONS.flatMap((bad) => [
        [`country=${bad}`, { country: bad }, 'querystring.country'],
        [`kind=${bad}`, { kind: bad }, 'querystring.kind'],
        [`language=${bad}`, { language: bad }, 'querystring.language'],
        [`textLanguage=${bad}`, { textLanguage: bad }, 'querystring.textLanguage'],
        [`limit=${bad}`, { limit: bad }, 'querystring.limit'],
      ]),
    ] as [string, Record<string, string | string[]>, string][]
  ).map(
    ([what, params, field]): Case => ({
      name: `list organisations with ${what}`,
      method: 'GET',
      url: `/api/organizations${q(params)}`,
      status: 400,
      field,
    }),
  ),

  // ===== POST /api/organizations/:id/tokens =====
  { name: 'token label only spaces', method: 'POST', url: '/api/organizations/{jp}/tokens', payload: { label: '   ' }, status: 422, field: 'label' },
  { name: 'token label empty', method: 'POST', url: '/api/organizations/{jp}/tokens', payload: { label: '' }, status: 422, field: 'label' },
  { name: 'token label a number', method: 'POST', url: '/api/organizations/{jp}/tokens', payload: { label: 5 }, status: 422, field: 'label' },
  {
    name: 'token label of 201 characters',
    method: 'POST',
    url: '/api/organizations/{jp}/tokens',
    payload: { label: 'l'.repeat(201) },
    status: 422,
    field: 'label',
  },
  { name: 'token with a role field', method: 'POST', url: '/api/organizations/{jp}/tokens', payload: { role: 'matchmaker' }, status: 422, field: 'role' },
  { name: 'token body an array', method: 'POST', url: '/api/organizations/{jp}/tokens', payload: ['x'], status: 422, field: '' },
  { name: 'token for an unknown organisation', method: 'POST', url: `/api/organizations/${NONE}/tokens`, payload: {}, status: 404 },
  { name: 'attendee token label empty', method: 'POST', url: '/api/attendees/{attendeeJp}/tokens', payload: { label: '' }, status: 422, field: 'label' },
  { name: 'attendee token for an unknown attendee', method: 'POST', url: `/api/attendees/${NONE}/tokens`, payload: {}, status: 404 },
  { name: 'list tokens with includeRevoked=maybe', method: 'GET', url: '/api/tokens?includeRevoked=maybe', status: 400, field: 'querystring.includeRevoked' },
  { name: 'list tokens with organizationId=abc', method: 'GET', url: '/api/tokens?organizationId=abc', status: 400, field: 'querystring.organizationId' },

  // ===== GET /api/organizations/:id/suggestions: bad query =====
  ...(
    [
      ['limit=0', { limit: '0' }, 'querystring.limit'],
      ['limit=51', { limit: '51' }, 'querystring.limit'],
      ['limit=ten', { limit: 'ten' }, 'querystring.limit'],
      ['country=Mongolia', { country: 'Mongolia' }, 'querystring.country'],
      ['kind=bank', { kind: 'bank' }, 'querystring.kind'],
      ['city empty', { city: '' }, 'querystring.city'],
      ['an unknown parameter', { minScore: '0.5' }, 'querystring.minScore'],
      ...INJECTIONS.map((bad) => [`country=${bad}`, { country: bad }, 'querystring.country']),
      ...INJECTIONS.map((bad) => [`kind=${bad}`, { kind: bad }, 'querystring.kind']),
    ] as [string, Record<string, string>, string][]
  ).map(
    ([what, params, field]): Case => ({
      name: `suggestions with ${what}`,
      method: 'GET',
      url: `/api/organizations/{jp}/suggestions${q(params)}`,
      status: 400,
      field,
    }),
  ),
  { name: 'suggestions of an unknown organisation', method: 'GET', url: `/api/organizations/${NONE}/suggestions`, status: 404 },

  // ===== GET / PATCH /api/matches =====
  ...(
    [
      ['status=done', { status: 'done' }, 'querystring.status'],
      ['minScore=2', { minScore: '2' }, 'querystring.minScore'],
      ['minScore=-0.1', { minScore: '-0.1' }, 'querystring.minScore'],
      ['minScore=abc', { minScore: 'abc' }, 'querystring.minScore'],
      ['organizationId=0', { organizationId: '0' }, 'querystring.organizationId'],
      ['organizationId=abc', { organizationId: 'abc' }, 'querystring.organizationId'],
      ['country=XX', { country: 'XX' }, 'querystring.country'],
      ['kind=bank', { kind: 'bank' }, 'querystring.kind'],
      ['sector empty', { sector: '' }, 'querystring.sector'],
      ['limit=501', { limit: '501' }, 'querystring.limit'],
      ['an unknown parameter', { order: 'score' }, 'querystring.order'],
      ...INJECTIONS.map((bad) => [`status=${bad}`, { status: bad }, 'querystring.status']),
      ...INJECTIONS.map((bad) => [`organizationId=${bad}`, { organizationId: bad }, 'querystring.organizationId']),
    ] as [string, Record<string, string>, string][]
  ).map(
    ([what, params, field]): Case => ({
      name: `list matches with ${what}`,
      method: 'GET',
      url: `/api/matches${q(params)}`,
      status: 400,
      field,
    }),
  ),
  { name: 'GET an unknown match', method: 'GET', url: `/api/matches/${NONE}`, status: 404 },
  { name: 'PATCH match without status', method: 'PATCH', url: '/api/matches/{match}', payload: { note: 'hm' }, status: 422, field: 'status' },
  { name: 'PATCH match status done', method: 'PATCH', url: '/api/matches/{match}', payload: { status: 'done' }, status: 422, field: 'status' },
  { name: 'PATCH match status null', method: 'PATCH', url: '/api/matches/{match}', payload: { status: null }, status: 422, field: 'status' },
  { name: 'PATCH match note a number', method: 'PATCH', url: '/api/matches/{match}', payload: { status: 'approved', note: 5 }, status: 422, field: 'note' },
  {
    name: 'PATCH match note of 2,001 characters',
    method: 'PATCH',
    url: '/api/matches/{match}',
    payload: { status: 'approved', note: 'n'.repeat(2001) },
    status: 422,
    field: 'note',
  },
  { name: 'PATCH match with a score', method: 'PATCH', url: '/api/matches/{match}', payload: { status: 'approved', score: 1 }, status: 422, field: 'score' },
  ...INJECTIONS.map(
    (bad): Case => ({
      name: `PATCH match status ${bad}`,
      method: 'PATCH',
      url: '/api/matches/{match}',
      payload: { status: bad },
      status: 422,
      field: 'status',
    }),
  ),
  { name: 'PATCH an unknown match', method: 'PATCH', url: `/api/matches/${NONE}`, payload: { status: 'approved' }, status: 404 },
];
