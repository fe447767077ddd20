import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TYPE_WEIGHTS } from '../../matching/engine.ts';
import { encodeFeatures, MatchingEngine, loadMatchingToolkit, type MatchingToolkit, type Profile } from '../../matching/index.ts';
import { combineScore, DEFAULT_WEIGHTS, harmonicMean, kindFit, jaccard } from '../../matching/score.ts';

let toolkit: MatchingToolkit;
beforeAll(async () => {
  toolkit = await loadMatchingToolkit();
});

let nextId = 1;
function org(p: Partial<Profile> & Pick<Profile, 'country' | 'offers' | 'needs'>): Profile {
  const id = nextId++;
  return {
    id,
    externalId: `x-${id}`,
    name: { en: `Org ${id}` },
    kind: 'company',
    city: 'X',
    languages: [],
    sectors: [],
    description: { en: '' },
    sdgs: [],
    ...p,
  };
}

describe('lexicon across languages', () => {
  it('maps Japanese, Mongolian and English wording to the same concepts', () => {
    const concepts = (text: string, lang: string) => {
      const { tokens } = toolkit.analyzer.analyze(text, lang);
      return toolkit.lexicon.match(tokens).map((m) => m.conceptId);
    };
    expect(concepts('カシミヤ糸', 'ja')).toEqual(expect.arrayContaining(['cashmere', 'yarn']));
    expect(concepts('ноолууран утас', 'mn')).toEqual(['yarn']);
    expect(concepts('ноолуур', 'mn')).toEqual(['cashmere']);
    expect(concepts('cashmere', 'en')).toEqual(['cashmere']);
    expect(concepts('オフショア開発', 'ja')).toEqual(['offshore-development']);
    expect(concepts('offshore development', 'en')).toEqual(['offshore-development']);
    expect(concepts('уул уурхайн тоног төхөөрөмж', 'mn')).toEqual(['mining-equipment']);
    expect(concepts('mining equipment', 'en')).toEqual(['mining-equipment']);
  });

  it('has at least 500 concepts, each labelled in ja, mn and en', () => {
    expect(toolkit.lexicon.concepts.size).toBeGreaterThanOrEqual(500);
    for (const c of toolkit.lexicon.concepts.values()) {
      expect(c.label.ja && c.label.mn && c.label.en, c.id).toBeTruthy();
    }
  });
});

describe('scoring', () => {
  it('uses the harmonic mean, so a one-sided pair gets no reciprocal credit', () => {
    expect(harmonicMean(0.5, 0.5)).toBe(0.5);
    expect(harmonicMean(0.8, 0)).toBe(0);
    const base = { about: 0, sdgs: 0, kinds: 1, language: 1 };
    expect(combineScore({ ...base, fwd: 0.3, back: 0.3 })).toBeGreaterThan(combineScore({ ...base, fwd: 0.6, back: 0 }));
  });

  it('lets SDGs, kinds and languages scale a textual match but never create one', () => {
    expect(combineScore({ fwd: 0, back: 0, about: 0, sdgs: 1, kinds: 1, language: 1 })).toBe(0);
    const s = { fwd: 0.4, back: 0.4, about: 0.1 };
    expect(combineScore({ ...s, sdgs: 1, kinds: 1, language: 1 })).toBeGreaterThan(combineScore({ ...s, sdgs: 0, kinds: 0.5, language: 0 }));
    expect(jaccard([8, 12], [12, 13])).toBeCloseTo(1 / 3, 10);
    expect(kindFit('education', 'company')).toBe(0.75);
  });
});

describe('MatchingEngine', () => {
  const buyer = org({
    country: 'JP',
    languages: ['ja'],
    needs: [{ ja: 'モンゴル産のカシミヤ糸を安定して調達したい' }],
    offers: [{ ja: '日本の百貨店への販路を提供します' }],
    sdgs: [8, 12],
  });
  const producer = org({
    country: 'MN',
    languages: ['mn'],
    offers: [{ mn: 'Ноолууран утас, ноолуур нийлүүлнэ' }],
    needs: [{ mn: 'Японы зах зээлд борлуулах дистрибьютор, худалдааны түнш хэрэгтэй' }],
    sdgs: [8, 12],
  });
  const oneSided = org({
    country: 'MN',
    languages: ['mn'],
    offers: [{ mn: 'Ноолууран утас экспортлоно' }],
    needs: [{ mn: 'Уул уурхайн тоног төхөөрөмж хэрэгтэй' }],
  });
  const competitor = org({
    country: 'JP',
    languages: ['ja'],
    needs: [{ ja: 'カシミヤ糸を調達したい' }],
    offers: [{ ja: '日本の百貨店への販路' }],
  });
  const miner = org({
    country: 'MN',
    languages: ['mn', 'en'],
    offers: [{ en: 'Coal mining services' }],
    needs: [{ en: 'Mining equipment maintenance' }],
  });
  let engine: MatchingEngine;
  beforeAll(() => {
    engine = new MatchingEngine(toolkit);
    engine.upsert([buyer, producer, oneSided, competitor, miner]);
  });

  it('suggests the Mongolian cashmere producer to the Japanese buyer above a one-sided supplier', () => {
    const ranked = engine.suggest(buyer.id).map((s) => s.profileId);
    expect(ranked.slice(0, 2)).toEqual([producer.id, oneSided.id]);
    expect(ranked).not.toContain(miner.id);
  });

  it('does not suggest a look-alike competitor, even when partners from the same country are allowed', () => {
    expect(engine.suggest(buyer.id).map((s) => s.profileId)).not.toContain(competitor.id);
    const anyCountry = engine.suggest(buyer.id, { accept: () => true });
    expect(anyCountry.map((s) => s.profileId)).not.toContain(competitor.id);
    expect(anyCountry.map((s) => s.profileId)).toContain(producer.id);
  });

  it('explains a suggestion with concepts, directions, both phrases and trilingual labels', () => {
    const [top] = engine.suggest(buyer.id, { limit: 1 });
    const cashmere = top!.reasons.find((r) => r.concept?.id === 'cashmere' && r.direction === 'a-needs-b-offers');
    expect(cashmere).toMatchObject({
      concept: { id: 'cashmere', label: { ja: expect.any(String), mn: expect.any(String), en: 'cashmere' } },
      a: { field: 'needs', item: 0, lang: 'ja', text: 'モンゴル産のカシミヤ糸を安定して調達したい' },
      b: { field: 'offers', item: 0, lang: 'mn', text: 'Ноолууран утас, ноолуур нийлүүлнэ' },
    });
    expect(top!.reasons.some((r) => r.direction === 'b-needs-a-offers')).toBe(true);
    expect(top!.signals.fwd).toBeGreaterThan(0);
    expect(top!.signals.back).toBeGreaterThan(0);
  });

  it('scores a pair the same way directly and through the index', () => {
    const [top] = engine.suggest(buyer.id, { limit: 1 });
    expect(engine.score(buyer.id, producer.id)!.score).toBeCloseTo(top!.score, 3);
  });

  it('keeps the vectors of a profile whose texts did not change, but uses its new facts', () => {
    const local = new MatchingEngine(toolkit);
    local.upsert([buyer, producer]);
    const before = local.suggest(buyer.id)[0]!;
    local.upsert([{ ...producer, languages: ['mn', 'ja'] }]);
    const after = local.suggest(buyer.id)[0]!;
    expect(after.signals).toEqual({ ...before.signals, language: 1 });
    expect(after.score).toBeGreaterThan(before.score);
  });

  it('follows edits and removals incrementally', () => {
    const local = new MatchingEngine(toolkit);
    local.upsert([buyer, producer, miner]);
    expect(local.suggest(miner.id)).toEqual([]);
    local.upsert([{ ...buyer, needs: [{ ja: '鉱山機械の保守サービスを提供したい' }], offers: [{ ja: '鉱山機械のメンテナンス' }] }]);
    expect(local.suggest(miner.id).map((s) => s.profileId)).toEqual([buyer.id]);
    local.remove(buyer.id);
    expect(local.suggest(miner.id)).toEqual([]);
    expect(local.size).toBe(2);
  });

  it('scores a pair directly as its list does, and keeps its epoch while the weights stand', () => {
    const local = new MatchingEngine(toolkit);
    const everyone = [buyer, producer, oneSided, competitor, miner];
    local.upsert(everyone);
    // What a cached list is checked with when a profile was written: the pair's own score.
    for (const p of everyone)
      for (const s of local.suggest(p.id, { limit: 10, accept: () => true, reasons: false })) expect(local.score(p.id, s.profileId)!.score).toBe(s.score);
    // One write within a tenth of the index keeps the weights (and the epoch); a refresh moves it.
    const epoch = local.epoch;
    local.remove(oneSided.id);
    local.upsert([oneSided]);
    expect(local.epoch).toBe(epoch);
    local.refresh();
    expect(local.epoch).toBe(epoch + 1);
  });
});

describe('recomputing every weight in steps', () => {
  const cashmere = (country: 'JP' | 'MN', i: number) =>
    org({
      country,
      description: { en: `Company ${i} in textiles and ${i % 3 ? 'cashmere' : 'wool'} trade` },
      offers: [{ en: country === 'MN' ? `Cashmere yarn and ${i % 2 ? 'knitwear' : 'felt'} supply` : `Sales channels to department stores in Japan ${i}` }],
      needs: [{ en: country === 'MN' ? 'Japanese buyers and sales channels' : `Stable supply of cashmere yarn ${i % 4 ? '' : 'and wool'}` }],
    });
  const lists = (engine: MatchingEngine, ids: number[]) => ids.map((id) => engine.suggest(id, { limit: 20, reasons: false }));

  it('gives the same weights as a refresh when nothing changes meanwhile, and moves the epoch once, at the end', () => {
    const everyone = Array.from({ length: 30 }, (_, i) => cashmere(i % 2 ? 'JP' : 'MN', i));
    const stepped = new MatchingEngine(toolkit);
    const whole = new MatchingEngine(toolkit);
    for (const engine of [stepped, whole]) {
      engine.upsert(everyone.slice(0, 10));
      engine.upsert(everyone.slice(10));
    }
    whole.refresh();
    const epoch = stepped.epoch;
    const before = lists(
      stepped,
      everyone.map((p) => p.id),
    );
    let steps = 0;
    for (const _ of stepped.refreshSteps(4)) {
      steps++;
      // Until the last step, reads see the weights in use, unchanged.
      expect(stepped.epoch).toBe(epoch);
      expect(lists(stepped, [everyone[0]!.id, everyone[1]!.id])).toEqual(before.slice(0, 2));
    }
    expect(steps).toBeGreaterThan(5);
    expect(stepped.epoch).toBe(epoch + 1);
    expect(stepped.drifted).toBe(false);
    expect(
      lists(
        stepped,
        everyone.map((p) => p.id),
      ),
    ).toEqual(
      lists(
        whole,
        everyone.map((p) => p.id),
      ),
    );
  });

  it('keeps every profile added, replaced or removed between its steps, each list matching its pairs’ own scores', () => {
    const everyone = Array.from({ length: 65 }, (_, i) => cashmere(i % 2 ? 'JP' : 'MN', i));
    const engine = new MatchingEngine(toolkit);
    engine.upsert(everyone.slice(0, 60));
    // (Within a tenth of the index: a larger write would refresh every weight at once, superseding the steps.)
    const added = everyone.slice(60);
    let step = 0;
    for (const _ of engine.refreshSteps(2)) {
      // A new profile, an edit, a removal, and a removed slot reused by a newcomer, between the steps.
      engine.upsert(added.slice(step, step + 1));
      if (step === 1) engine.upsert([{ ...everyone[2]!, offers: [{ en: 'Wool felt and cashmere knitwear for Japanese brands' }] }]);
      if (step === 2) engine.remove(everyone[55]!.id);
      if (step === 3) engine.remove(everyone[58]!.id);
      step++;
    }
    expect(step).toBeGreaterThanOrEqual(5);
    const present = everyone.filter((p) => p.id !== everyone[55]!.id && p.id !== everyone[58]!.id);
    expect(engine.size).toBe(present.length);
    for (const p of present) {
      const list = engine.suggest(p.id, { limit: 50, accept: () => true, reasons: false });
      // From the postings (the list) and from the two profiles' weights (the pair): the same.
      for (const s of list) expect([p.id, s.profileId, engine.score(p.id, s.profileId)!.signals]).toEqual([p.id, s.profileId, s.signals]);
      expect(list.map((s) => s.profileId)).not.toContain(everyone[55]!.id);
      expect(list.map((s) => s.profileId)).not.toContain(everyone[58]!.id);
    }
    // The newcomers are found by others, and the edit with its new words.
    expect(engine.suggest(everyone[1]!.id, { limit: 50, reasons: false }).map((s) => s.profileId)).toEqual(
      expect.arrayContaining(added.filter((p) => p.country === 'MN').map((p) => p.id)),
    );
  });

  it('stops unfinished when a refresh supersedes it or its caller leaves, without changing anything', () => {
    const everyone = Array.from({ length: 20 }, (_, i) => cashmere(i % 2 ? 'JP' : 'MN', i));
    const engine = new MatchingEngine(toolkit);
    engine.upsert(everyone.slice(0, 10));
    engine.upsert(everyone.slice(10));
    const epoch = engine.epoch;
    const steps = engine.refreshSteps(3);
    steps.next();
    engine.refresh();
    expect(engine.epoch).toBe(epoch + 1);
    const after = lists(
      engine,
      everyone.map((p) => p.id),
    );
    expect([...steps]).toEqual([]);
    expect(engine.epoch).toBe(epoch + 1);
    const left = engine.refreshSteps(3);
    left.next();
    left.return();
    expect(engine.epoch).toBe(epoch + 1);
    expect(
      lists(
        engine,
        everyone.map((p) => p.id),
      ),
    ).toEqual(after);
  });
});

describe('one-line profiles', () => {
  it('ranks a profile with no description beside an equal one whose description says nothing shared', () => {
    const engine = new MatchingEngine(toolkit);
    const buyer = org({
      country: 'JP',
      description: { ja: 'アパレル卸売の会社です。' },
      offers: [{ ja: '日本の百貨店への販路' }],
      needs: [{ ja: 'カシミヤ糸の調達' }],
    });
    const described = org({
      country: 'MN',
      description: { mn: 'Улаанбаатарт 2010 оноос хойш ажиллаж байна.' },
      offers: [{ mn: 'Ноолууран утас нийлүүлнэ' }],
      needs: [{ mn: 'Японы борлуулалтын суваг' }],
    });
    const oneLine = org({ country: 'MN', description: {}, offers: [{ mn: 'Ноолууран утас нийлүүлнэ' }], needs: [{ mn: 'Японы борлуулалтын суваг' }] });
    engine.upsert([buyer, described, oneLine]);
    const [first, second] = engine.suggest(buyer.id);
    expect(first!.profileId).toBe(oneLine.id);
    expect(second!.profileId).toBe(described.id);
    // The description's share of the score goes to offers and needs, no more.
    expect(first!.score).toBeCloseTo(second!.score / 0.9, 3);
  });
});

describe('weights in use and analysed features', () => {
  const buyer = () =>
    org({ country: 'JP', description: { ja: 'アパレル卸売の会社です。' }, offers: [{ ja: '日本の百貨店への販路' }], needs: [{ ja: 'カシミヤ糸の調達' }] });
  const oneLine = () => org({ country: 'MN', description: {}, offers: [{ mn: 'Ноолууран утас нийлүүлнэ' }], needs: [{ mn: 'Японы борлуулалтын суваг' }] });

  it('scores with weights set later exactly as an engine built with them, and back with the defaults', () => {
    const [a, b] = [buyer(), oneLine()];
    const fitted = { ...DEFAULT_WEIGHTS, reciprocal: 0, oneSided: 0.9, structure: 0.5 };
    const built = new MatchingEngine({ ...toolkit, weights: fitted });
    const changed = new MatchingEngine(toolkit);
    built.upsert([a, b]);
    changed.upsert([a, b]);
    const before = changed.score(a.id, b.id)!.score;
    changed.setWeights(fitted);
    expect(changed.scoreWeights).toEqual(fitted);
    expect(changed.suggest(a.id)[0]).toEqual(built.suggest(a.id)[0]);
    expect(changed.score(a.id, b.id)!.score).not.toBeCloseTo(before, 4);
    changed.setWeights(DEFAULT_WEIGHTS);
    expect(changed.score(a.id, b.id)!.score).toBe(before);
  });

  it('reads the text signals of pairs under other concept-group weights without changing the index', () => {
    const [a, b] = [buyer(), oneLine()];
    const engine = new MatchingEngine(toolkit);
    engine.upsert([a, b]);
    const direct = engine.score(a.id, b.id)!.signals;
    const under = engine.textSignalsUnder([[a.id, b.id]]);
    const [same] = under(DEFAULT_TYPE_WEIGHTS.groups);
    expect(same!.fwd).toBeCloseTo(direct.fwd, 4);
    expect(same!.back).toBeCloseTo(direct.back, 4);
    expect(same!.about).toBeCloseTo(direct.about, 4);
    // Places counted fully (Japan, Mongolia): the pair shares more.
    const [placed] = under({ ...DEFAULT_TYPE_WEIGHTS.groups, place: 1 });
    expect(placed!.fwd + placed!.back).not.toBeCloseTo(same!.fwd + same!.back, 4);
    expect(engine.score(a.id, b.id)!.signals).toEqual(direct);
    expect(engine.textSignalsUnder([[a.id, 99_999]])(DEFAULT_TYPE_WEIGHTS.groups)).toEqual([null]);
  });

  it('treats a one-line profile indexed from stored features (as the service does) like one indexed from its texts', () => {
    const [a, b] = [buyer(), oneLine()];
    const direct = new MatchingEngine(toolkit);
    direct.upsert([a, b]);
    const stored = new MatchingEngine(toolkit);
    stored.upsertStored([a, b].map((profile) => ({ profile, features: encodeFeatures(direct.analyse(profile)) })));
    expect(stored.isShort(b.id)).toBe(true);
    expect(stored.isShort(a.id)).toBe(false);
    expect(stored.score(a.id, b.id)!.score).toBe(direct.score(a.id, b.id)!.score);
    const analysed = new MatchingEngine(toolkit);
    analysed.upsertAnalysed([a, b].map((profile) => ({ profile, features: direct.analyse(profile) })));
    expect(analysed.score(a.id, b.id)!.score).toBe(direct.score(a.id, b.id)!.score);
  });
});

describe('directory search across languages', () => {
  it('finds the same organisations for カシミヤ, ноолуур, nooluur and cashmere, whatever language they wrote in', () => {
    const engine = new MatchingEngine(toolkit);
    const ja = org({ country: 'JP', offers: [{ ja: '百貨店への販路' }], needs: [{ ja: 'カシミヤ製品の調達' }] });
    const mn = org({ country: 'MN', offers: [{ mn: 'Ноолууран бүтээгдэхүүн экспортлоно' }], needs: [{ mn: 'Японы худалдан авагч' }] });
    const latin = org({ country: 'MN', offers: [{ mn: 'Nooluuran buteegdehuun' }], needs: [{ mn: 'Yapon hudaldan avagch' }] });
    const en = org({ country: 'MN', offers: [{ en: 'Cashmere sweaters' }], needs: [{ en: 'Buyers in Japan' }] });
    const other = org({ country: 'MN', offers: [{ en: 'Coal briquettes' }], needs: [{ en: 'Stove makers' }] });
    engine.upsert([ja, mn, latin, en, other]);
    const found = (q: string) =>
      engine
        .search(q)
        .map((h) => h.profileId)
        .sort((x, y) => x - y);
    const all = [ja.id, mn.id, latin.id, en.id].sort((x, y) => x - y);
    for (const q of ['カシミヤ', 'ноолуур', 'nooluur', 'cashmere', 'ｶｼﾐﾔ']) expect(found(q), q).toEqual(all);
    expect(engine.search('cashmere')[0]!.concepts).toEqual(['cashmere']);
    // No concept: the plain words, in their own language.
    expect(engine.search('briquettes').map((h) => h.profileId)).toEqual([other.id]);
  });
});
