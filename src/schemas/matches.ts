import { PairRule, PartOfDay } from './rules.ts';
import { Type, type Static } from 'typebox';
import { Id, Line, LocalizedText, Paging } from './common.ts';
import { Kind } from './organizations.ts';

const Trilingual = Type.Object({ ja: Type.String(), mn: Type.String(), en: Type.String() });

export const OrganizationSummary = Type.Object({
  id: Type.Integer(),
  externalId: Type.String(),
  name: LocalizedText,
  nameLatin: Type.String({ description: 'The name in Latin letters' }),
  country: Type.String(),
  kind: Type.String(),
  city: Type.String(),
  languages: Type.Array(Type.String()),
});

const Phrase = Type.Object({
  field: Type.String({ description: 'offers, needs or about (description and sectors)' }),
  item: Type.Integer({ description: 'Which offer or need (for about: 0 is the description, then the sectors)' }),
  lang: Type.String(),
  text: Type.String({ description: 'The phrase, in the language it was written in' }),
  spans: Type.Array(Type.Array(Type.Integer(), { minItems: 2, maxItems: 2 }), {
    description: 'Where the matched words sit in text: character ranges [start, end)',
  }),
});

export const Reason = Type.Object({
  direction: Type.String({ description: 'a-needs-b-offers, b-needs-a-offers or both-about' }),
  concept: Type.Union([Type.Object({ id: Type.String(), group: Type.String(), label: Trilingual }), Type.Null()]),
  term: Type.Union([
    Type.Object({
      lang: Type.String(),
      text: Type.String({ description: "The shared word as written on side a's phrase (never a stem)" }),
      other: Type.String({ description: "The same word as written on side b's phrase" }),
      stem: Type.String({ description: 'The index term both reduce to (base form or stem)' }),
    }),
    Type.Null(),
  ]),
  weight: Type.Number({ description: "This evidence's share of the similarity it supports" }),
  a: Phrase,
  b: Phrase,
});

export const Strength = Type.Union([Type.Literal('strong'), Type.Literal('good'), Type.Literal('weak')], {
  description: 'The score in words: strong (≥ 0.10), good (≥ 0.04) or weak',
});

export const Signals = Type.Object({
  fwd: Type.Number({ description: "How well B's offers meet A's needs (cosine, 0–1)" }),
  back: Type.Number({ description: "How well A's offers meet B's needs" }),
  about: Type.Number({ description: 'Similarity of their descriptions and sectors' }),
  sdgs: Type.Number({ description: 'Jaccard overlap of their SDGs' }),
  kinds: Type.Number({ description: 'How well their kinds of organisation fit' }),
  language: Type.Number({ description: '1 when they share a meeting language' }),
});

const reasonExample = {
  direction: 'a-needs-b-offers',
  concept: { id: 'cashmere', group: 'product', label: { ja: 'カシミヤ', mn: 'ноолуур', en: 'cashmere' } },
  term: null,
  weight: 0.21,
  a: { field: 'needs', item: 0, lang: 'ja', text: 'トレーサビリティが確保されたモンゴル産カシミヤ糸を小ロットで安定調達したい。', spans: [[19, 23]] },
  b: { field: 'offers', item: 1, lang: 'mn', text: 'Ноолууран утсыг бага хэмжээгээр экспортлоно.', spans: [[0, 9]] },
};
const summaryExample = (id: number, externalId: string, name: Record<string, string>, country: string, city: string, languages: string[]) => ({
  id,
  externalId,
  name,
  nameLatin: '',
  country,
  kind: 'company',
  city,
  languages,
});
const signalsExample = { fwd: 0.41, back: 0.33, about: 0.18, sdgs: 0.5, kinds: 1, language: 0 };

/** How many reasons a list gives per pair (the strongest of each direction in turn); a list of every reason is heavy. */
function reasonsShown(description: string) {
  return Type.Integer({ minimum: 0, maximum: 12, default: 4, description });
}

export const SuggestionQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 50, default: 10 }),
    country: Type.Optional(Type.String({ format: 'country', description: "Partners from this country (default: any country but the organisation's own)" })),
    kind: Type.Optional(Kind),
    city: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    reasons: reasonsShown(
      'Reasons per partner at most: the strongest of each direction in turn (`reasonCount` says how many there are; the partner page gives them all)',
    ),
  },
  { additionalProperties: false },
);
export type SuggestionQuery = Static<typeof SuggestionQuery>;

/** What already stands between the organisation and a partner: an open request either way, a booked meeting. */
export const Relation = Type.Object({
  requested: Type.Optional(
    Type.Object({ requestId: Type.Integer(), eventId: Type.Integer(), status: Type.String() }, { description: 'A request this organisation sent, still open' }),
  ),
  received: Type.Optional(
    Type.Object({ requestId: Type.Integer(), eventId: Type.Integer(), status: Type.String() }, { description: 'A request the partner sent, still open' }),
  ),
  meeting: Type.Optional(Type.Object({ meetingId: Type.Integer(), eventId: Type.Integer(), start: Type.String() }, { description: 'A booked meeting' })),
});

export const SuggestionItem = Type.Object({
  organization: OrganizationSummary,
  score: Type.Number(),
  strength: Strength,
  signals: Signals,
  reasons: Type.Array(Reason, { description: 'a is the organisation asked about, b the suggested partner; at most `reasons` of them' }),
  reasonCount: Type.Integer({ minimum: 0, description: 'How many reasons the pair has in all' }),
  match: Type.Union([Type.Object({ id: Type.Integer(), status: Type.String() }), Type.Null()], {
    description: 'The pair in the review queue, if it is there',
  }),
  relation: Type.Optional(Relation),
});

export const SuggestionList = Type.Object(
  {
    items: Type.Array(SuggestionItem),
  },
  {
    example: {
      items: [
        {
          organization: summaryExample(57, 'mn-001', { mn: 'Цагаан Сүрэг Кашемир ХХК', en: 'White Herd Cashmere LLC' }, 'MN', 'Ulaanbaatar', ['mn', 'en']),
          score: 0.42,
          strength: 'strong',
          signals: signalsExample,
          reasons: [reasonExample],
          reasonCount: 1,
          match: { id: 12, status: 'approved' },
        },
      ],
    },
  },
);

const MatchStatus = Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected')], {
  'x-message': 'must be one of: pending, approved, rejected',
});

export const Match = Type.Object(
  {
    id: Type.Integer(),
    score: Type.Number(),
    strength: Strength,
    status: Type.String(),
    note: Type.Union([Type.String(), Type.Null()]),
    decidedAt: Type.Union([Type.String(), Type.Null()]),
    decidedBy: Type.Union([Type.String(), Type.Null()]),
    rankedAt: Type.String(),
    part: Type.Optional(PartOfDay),
    rule: Type.Optional(PairRule),
    a: OrganizationSummary,
    b: OrganizationSummary,
    signals: Signals,
    reasons: Type.Array(Reason, { description: 'Every reason for one pair; in the list, at most `reasons` of them' }),
    reasonCount: Type.Integer({ minimum: 0, description: 'How many reasons the pair has in all' }),
  },
  {
    $id: 'Match',
    example: {
      id: 12,
      score: 0.42,
      strength: 'strong',
      status: 'approved',
      note: 'Both confirmed interest by e-mail',
      decidedAt: '2026-11-28T10:00:00.000Z',
      decidedBy: 'matchmaker',
      rankedAt: '2026-11-28T09:00:00.000Z',
      part: 'morning',
      rule: 'pinned',
      a: summaryExample(1, 'jp-001', { ja: '株式会社ミナトアパレル' }, 'JP', 'Osaka', ['ja']),
      b: summaryExample(57, 'mn-001', { mn: 'Цагаан Сүрэг Кашемир ХХК', en: 'White Herd Cashmere LLC' }, 'MN', 'Ulaanbaatar', ['mn', 'en']),
      signals: signalsExample,
      reasons: [reasonExample],
      reasonCount: 1,
    },
  },
);

export const MatchQuery = Type.Object(
  {
    status: Type.Optional(MatchStatus),
    minScore: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    country: Type.Optional(Type.String({ format: 'country', description: 'Either side is from this country' })),
    kind: Type.Optional(Kind),
    sector: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    organizationId: Type.Optional(Id()),
    rule: Type.Optional(
      Type.Union([Type.Literal('pinned'), Type.Literal('vetoed'), Type.Literal('none')], {
        description: 'pinned, vetoed or none; vetoed pairs are left out unless asked for',
        'x-message': 'must be one of: pinned, vetoed, none',
      }),
    ),
    q: Type.Optional(Line(200, { description: "Words of either organisation's name, in any script or in Latin letters (Цагаан, 西田, Tsagaan)" })),
    sort: Type.Union([Type.Literal('score'), Type.Literal('score-asc'), Type.Literal('decided')], {
      default: 'score',
      description: 'score: best first; score-asc: weakest first; decided: most recently decided first',
      'x-message': 'must be one of: score, score-asc, decided',
    }),
    reasons: reasonsShown(
      'Reasons per pair at most: the strongest of each direction in turn (`reasonCount` says how many there are; GET /api/matches/{id} gives them all)',
    ),
    ...Paging,
  },
  { additionalProperties: false },
);
export type MatchQuery = Static<typeof MatchQuery>;

export const MatchList = Type.Object(
  { items: Type.Array(Type.Ref('Match')), total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer() },
  { example: { items: [], total: 0, limit: 50, offset: 0 } },
);

export const MatchDecision = Type.Object(
  {
    status: MatchStatus,
    note: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
  },
  { additionalProperties: false, example: { status: 'approved', note: 'Both confirmed interest by e-mail' } },
);

export const RerankResult = Type.Object({ pairs: Type.Integer({ description: 'Pairs in the review queue after the re-rank' }) }, { example: { pairs: 1240 } });

/** A partner's profile as an organisation sees it, with the reasons for the pair (issue 14). */
export const PartnerView = Type.Object(
  {
    organization: Type.Ref('Organization', { description: 'The profile, never its contact details' }),
    score: Type.Number(),
    strength: Strength,
    signals: Type.Union([Signals, Type.Null()]),
    reasons: Type.Array(Reason, { description: 'a is the organisation asking, b the partner' }),
    concepts: Type.Array(Type.Object({ id: Type.String(), label: Trilingual }), { description: 'The concepts behind the pair, each once' }),
    match: Type.Union([Type.Object({ id: Type.Integer(), status: Type.String() }), Type.Null()]),
    relation: Relation,
  },
  {
    example: {
      organization: {
        id: 57,
        externalId: 'mn-001',
        name: { mn: 'Цагаан Сүрэг Ноолуур ХХК' },
        nameLatin: 'Tsagaan Süreg Nooluur KHKHK',
        nameLatinOwn: false,
        kind: 'company',
        country: 'MN',
        city: 'Ulaanbaatar',
        languages: ['mn', 'en'],
        sectors: [],
        description: { mn: 'Ноолуур' },
        offers: [],
        needs: [],
        sdgs: [],
        textLanguages: ['mn'],
        createdAt: '2026-11-28T09:00:00.000Z',
        updatedAt: '2026-11-28T09:00:00.000Z',
      },
      score: 0.42,
      strength: 'strong',
      signals: signalsExample,
      reasons: [reasonExample],
      concepts: [{ id: 'cashmere', label: { ja: 'カシミヤ', mn: 'ноолуур', en: 'cashmere' } }],
      match: null,
      relation: {},
    },
  },
);

export const PartnerParams = Type.Object({ id: Id(), partnerId: Id() });

export const BulkDecision = Type.Object(
  {
    ids: Type.Array(Id(), { minItems: 1, maxItems: 1000, uniqueItems: true, description: 'The pairs to decide' }),
    status: MatchStatus,
    note: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
  },
  { additionalProperties: false, example: { ids: [12, 13, 15], status: 'approved', note: 'Checked at the programme meeting' } },
);

export const BulkDecisionResult = Type.Object(
  { items: Type.Array(Type.Object({ id: Type.Integer(), status: Type.String() })) },
  { example: { items: [{ id: 12, status: 'approved' }] } },
);

export const MatchExportQuery = Type.Omit(MatchQuery, ['limit', 'offset']);

export const MatchHistory = Type.Object(
  {
    items: Type.Array(
      Type.Object({
        at: Type.String(),
        actor: Type.String({ description: 'Who: matchmaker, or the token that acted' }),
        status: Type.String({ description: 'approved, rejected or pending' }),
        note: Type.Union([Type.String(), Type.Null()]),
      }),
    ),
  },
  { example: { items: [{ at: '2026-11-28T10:00:00.000Z', actor: 'matchmaker', status: 'approved', note: 'Both confirmed interest by e-mail' }] } },
);
