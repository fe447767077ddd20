import { Type } from 'typebox';

const Weights = Type.Object(
  {
    reciprocal: Type.Number({ description: 'Harmonic mean of what each side offers the other' }),
    oneSided: Type.Number({ description: 'Mean of the two directions' }),
    about: Type.Number({ description: 'Similarity of the descriptions and sectors' }),
    structure: Type.Number({ description: 'Share of the score the structured fit (SDGs, kinds, language) can take away, 0–1' }),
    sdgs: Type.Number(),
    kinds: Type.Number(),
    language: Type.Number(),
  },
  { additionalProperties: false, description: "The score's weights (matching/score.ts)" },
);

const Accuracy = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], {
  description:
    'Held-out pairwise accuracy: the share of (approved, rejected) couples of the latest decisions ranked in the right order; null when they hold no such couple',
});

const W = { reciprocal: 0.6, oneSided: 0.3, about: 0.1, structure: 0.2, sdgs: 1, kinds: 1, language: 1 };
const FIT_EXAMPLE = {
  id: 3,
  weights: { ...W, reciprocal: 0.45, about: 0.4 },
  startWeights: W,
  groups: null,
  fromReview: 140,
  fromOutcomes: 12,
  train: 106,
  test: 46,
  splitAt: '2027-02-03T04:05:06.000Z',
  heldOutStart: 0.81,
  heldOutFitted: 0.86,
  heldOutDefaults: 0.81,
  better: true,
  fittedAt: '2027-02-10T01:00:00.000Z',
  fittedBy: 'matchmaker',
  adoptedAt: null,
  adoptedBy: null,
  retiredAt: null,
  retiredBy: null,
  inUse: false,
  current: true,
};

export const Fit = Type.Object(
  {
    id: Type.Integer(),
    weights: Weights,
    startWeights: Type.Object(
      {},
      { additionalProperties: Type.Number(), description: 'The weights in use when fitted: the start, and what the fit was judged against' },
    ),
    groups: Type.Union([Type.Object({}, { additionalProperties: Type.Number() }), Type.Null()], {
      description: 'Concept-group weights (not fitted yet: null)',
    }),
    fromReview: Type.Integer({ description: "Decisions from the review queue (a matchmaker's approve or reject)" }),
    fromOutcomes: Type.Integer({ description: 'Decisions from what meetings led to (outcome labels)' }),
    train: Type.Integer({ description: 'The earlier decisions, fitted on' }),
    test: Type.Integer({ description: 'The later decisions, held out to judge' }),
    splitAt: Type.Union([Type.String(), Type.Null()], { description: 'Decision time of the first held-out decision' }),
    heldOutStart: Accuracy,
    heldOutFitted: Accuracy,
    heldOutDefaults: Accuracy,
    better: Type.Boolean({ description: 'The fitted weights ranked the held-out decisions better than the weights in use: it may be adopted' }),
    fittedAt: Type.String(),
    fittedBy: Type.String(),
    adoptedAt: Type.Union([Type.String(), Type.Null()]),
    adoptedBy: Type.Union([Type.String(), Type.Null()]),
    retiredAt: Type.Union([Type.String(), Type.Null()]),
    retiredBy: Type.Union([Type.String(), Type.Null()]),
    inUse: Type.Boolean({ description: 'The engine scores with these weights now' }),
    current: Type.Boolean({ description: 'Judged against the weights in use now (else fit again before adopting)' }),
  },
  { example: FIT_EXAMPLE },
);

export const LearningState = Type.Object(
  {
    inUse: Type.Object({
      source: Type.Union([Type.Literal('defaults'), Type.Literal('fitted')]),
      fitId: Type.Union([Type.Integer(), Type.Null()]),
      adoptedAt: Type.Union([Type.String(), Type.Null()]),
      weights: Weights,
    }),
    defaults: Weights,
    decisions: Type.Object({
      review: Type.Integer({ description: 'Pairs a matchmaker approved or rejected' }),
      outcomes: Type.Integer({ description: 'Pairs with an outcome label (they replace the review decision of the same pair)' }),
      needed: Type.Integer({ description: 'Decisions needed before a fit' }),
    }),
    fits: Type.Array(Fit, { description: 'The latest fits, newest first' }),
  },
  {
    example: {
      inUse: {
        source: 'defaults',
        fitId: null,
        adoptedAt: null,
        weights: { reciprocal: 0.6, oneSided: 0.3, about: 0.1, structure: 0.2, sdgs: 1, kinds: 1, language: 1 },
      },
      defaults: { reciprocal: 0.6, oneSided: 0.3, about: 0.1, structure: 0.2, sdgs: 1, kinds: 1, language: 1 },
      decisions: { review: 140, outcomes: 12, needed: 20 },
      fits: [],
    },
  },
);

export const FitParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });
