import { FIELDS, type Field, type FieldBag, type Source } from './features.ts';
import type { StoredFeatures } from './stored-features.ts';
import { smoothIdf, sublinearTf, type SparseVector } from './tfidf.ts';

/** One feature of one field on its way into a document: id, raw count, source code. */
type Entry = [id: number, count: number, source: number];

/** One feature's postings in one field: document slots and their weights, growable. */
interface Posting {
  slots: Int32Array;
  weights: Float32Array;
  length: number;
}

/**
 * One field of one document, as parallel typed arrays sorted by feature id: the raw count (to
 * re-weight when idf moves), the current weight (unit length over the field), and where the feature
 * was first seen (item << 8 | language code), for reasons. About 12 bytes a feature.
 */
export interface DocField extends SparseVector {
  counts: Uint16Array;
  sources: Uint16Array;
}

export interface IndexOptions {
  /** Multiplier per feature, by name: concepts above plain terms (see engine defaults). */
  typeWeight: (feature: string) => number;
  /**
   * Document weights are computed with the idf of the moment they are indexed; when the number
   * of documents has drifted by more than this share since, every weight is recomputed.
   */
  refreshDrift: number;
}

export type Bucket = 'fwd' | 'back' | 'about';

/** Slots touched by one query, without a Set: a generation stamp per slot and a list. */
export interface Accumulator {
  scores: Record<Bucket, Float64Array>;
  stamp: Uint32Array;
  generation: number;
  touched: Int32Array;
  count: number;
}

/**
 * Sparse TF-IDF vectors for every document's fields, and an inverted index per field from feature
 * to (document, weight). Documents live in reusable slots so scores accumulate in typed arrays.
 * Adding, replacing and removing a document touches only its own features.
 */
export class InvertedIndex {
  private readonly featureIds = new Map<string, number>();
  private readonly featureNames: string[] = [];
  private readonly featureTypeWeight: number[] = [];
  private readonly df: number[] = [];
  private postings: Record<Field, (Posting | undefined)[]> = { offers: [], needs: [], about: [] };
  /** A recomputation of every weight under way in steps (`refreshSteps`), swapped in at its end. */
  private job: RefreshJob | null = null;
  private readonly langCodes = new Map<string, number>();
  private readonly langNames: string[] = [];

  private readonly slotOf = new Map<number, number>();
  private readonly keyOfSlot: number[] = [];
  private readonly freeSlots: number[] = [];
  private readonly docs: (Record<Field, DocField> | undefined)[] = [];
  private documents = 0;
  private documentsAtRefresh = 0;
  private refreshes = 0;
  private deferring = false;
  /** Documents placed so far, and the last document that counted each feature (see `place`). */
  private placed = 0;
  private seenStamp = new Uint32Array(0);
  /** Inside a batch that the caller refreshes itself: documents are posted by that refresh. */
  private posting = true;

  constructor(private readonly options: IndexOptions) {}

  get size(): number {
    return this.documents;
  }

  /**
   * How many times every weight was recomputed. Between two refreshes a document keeps the weights
   * it was posted with, so adding, replacing or removing one moves only the scores of pairs it is in.
   */
  get epoch(): number {
    return this.refreshes;
  }

  /** Slots are dense and reused: accumulators sized to this cover every document. */
  get capacity(): number {
    return this.keyOfSlot.length;
  }

  slot(key: number): number | undefined {
    return this.slotOf.get(key);
  }

  keyAt(slot: number): number {
    return this.keyOfSlot[slot]!;
  }

  featureName(id: number): string {
    return this.featureNames[id]!;
  }

  field(slot: number, field: Field): DocField {
    return this.docs[slot]?.[field] ?? EMPTY_FIELD;
  }

  source(code: number): Source {
    return { item: code >> 8, lang: this.langNames[code & 0xff] ?? 'und' };
  }

  idf(featureId: number): number {
    return smoothIdf(this.documents, this.df[featureId] ?? 0);
  }

  /** Adds a document, or replaces the one with the same key. */
  upsert(key: number, fields: Record<Field, FieldBag>): void {
    this.place(key, (field) => {
      const bag = fields[field];
      return fromEntries(
        [...bag.counts].map(([name, count]): Entry => {
          const source = bag.sources.get(name);
          return [this.featureId(name), count, source ? this.sourceCode(source.item, source.lang) : 0];
        }),
      );
    });
  }

  /** The same from stored features: no Maps built on the way (a restart loads every profile this way). */
  upsertStored(key: number, fields: StoredFeatures): void {
    this.place(key, (field) =>
      fromEntries((fields[field] ?? []).map(([name, count, item, lang]): Entry => [this.featureId(name), count, this.sourceCode(item, lang)])),
    );
  }

  private place(key: number, fieldOf: (field: Field) => RawField): void {
    if (this.slotOf.has(key)) this.remove(key);
    const slot = this.freeSlots.pop() ?? this.keyOfSlot.length;
    this.job?.touched.add(slot);
    this.slotOf.set(key, slot);
    this.keyOfSlot[slot] = key;
    const doc = {} as Record<Field, DocField>;
    // Each feature counts once per document in df, whatever fields have it: a stamp per feature
    // instead of a Set per document (a restart places every document).
    const stamp = ++this.placed;
    for (const field of FIELDS) {
      const { ids, counts, sources } = fieldOf(field);
      // (fieldOf may have named new features)
      if (this.seenStamp.length < this.featureNames.length) {
        const grown = new Uint32Array(Math.max(this.featureNames.length * 2, 1024));
        grown.set(this.seenStamp);
        this.seenStamp = grown;
      }
      doc[field] = { ids, counts, sources, values: new Float32Array(ids.length) };
      for (const id of ids) {
        if (this.seenStamp[id] === stamp) continue;
        this.seenStamp[id] = stamp;
        this.df[id]!++;
      }
    }
    this.docs[slot] = doc;
    this.documents++;
    if (this.posting) this.index(slot);
    if (!this.deferring) this.refreshIfDrifted();
  }

  remove(key: number): boolean {
    const slot = this.slotOf.get(key);
    if (slot === undefined) return false;
    this.job?.touched.add(slot);
    const doc = this.docs[slot]!;
    const seen = new Set<number>();
    for (const field of FIELDS) {
      for (const id of doc[field].ids) {
        seen.add(id);
        removePosting(this.postings, field, id, slot);
      }
    }
    for (const id of seen) this.df[id]!--;
    this.docs[slot] = undefined;
    this.slotOf.delete(key);
    this.freeSlots.push(slot);
    this.documents--;
    return true;
  }

  /**
   * Runs many changes with one refresh at the end instead of one per 10 % of growth. With `refresh`
   * 'later' they are posted with the weights of the moment and the caller refreshes when it sees fit
   * (a long import: once at its end, not at every 10 %); with false the documents added are not even posted: they are not found until the caller's `refresh()`
   * after its last batch (loading a large index then weighs and posts every document once).
   */
  batch(changes: () => void, refresh: boolean | 'later' = true): void {
    this.deferring = true;
    this.posting = refresh !== false;
    try {
      changes();
    } finally {
      this.deferring = false;
      this.posting = true;
      if (refresh === true) this.refreshIfDrifted();
    }
  }

  /** Recomputes every document's weights with the current idf. O(total postings). */
  refresh(): void {
    // (A recomputation in steps under way is superseded.)
    this.job = null;
    // Postings sized first (one count per field and feature), so that none grows on the way.
    for (const field of FIELDS) {
      const sizes = new Int32Array(this.featureNames.length);
      for (const slot of this.slotOf.values()) for (const id of this.docs[slot]![field].ids) sizes[id]!++;
      const postings = this.postings[field];
      postings.length = 0;
      for (let id = 0; id < sizes.length; id++) {
        if (sizes[id]) postings[id] = { slots: new Int32Array(sizes[id]!), weights: new Float32Array(sizes[id]!), length: 0 };
      }
    }
    // Each feature's idf once (a logarithm), not once per document that has it.
    const idfs = new Float64Array(this.featureNames.length);
    for (let id = 0; id < idfs.length; id++) idfs[id] = this.idf(id);
    for (const slot of this.slotOf.values()) this.index(slot, idfs);
    this.documentsAtRefresh = this.documents;
    this.refreshes++;
  }

  /**
   * `refresh()` in steps, for a caller that must not block for the whole of it (a service answering
   * requests: 50 ms at 12,000 documents): each `next()` weighs up to `docsPerStep` more documents into
   * new postings, beside the ones in use, which go on answering, and on changing as documents are
   * added, replaced and removed. The last step weighs again those changed meanwhile and swaps the new
   * weights in at once: the epoch moves then, never halfway. The weights are those of the idf when the
   * steps began. A `refresh()` meanwhile supersedes it (its next step ends it unfinished).
   */
  *refreshSteps(docsPerStep = 200): Generator<void, void, void> {
    const documents = this.documents;
    const idfs = new Float64Array(this.featureNames.length);
    for (let id = 0; id < idfs.length; id++) idfs[id] = smoothIdf(documents, this.df[id] ?? 0);
    // Features first named meanwhile: their idf as it would have been.
    const idfOf = (id: number) => (id < idfs.length ? idfs[id]! : smoothIdf(documents, this.df[id] ?? 0));
    const job: RefreshJob = { postings: { offers: [], needs: [], about: [] }, values: [], posted: [], touched: new Set() };
    this.job = job;
    try {
      const slots = [...this.slotOf.values()];
      // Postings sized first (one count per field and feature), so that few grow on the way.
      const sizes = { offers: new Int32Array(idfs.length), needs: new Int32Array(idfs.length), about: new Int32Array(idfs.length) };
      for (let i = 0; i < slots.length; i++) {
        if (i && i % (docsPerStep * 8) === 0) {
          yield;
          if (this.job !== job) return;
        }
        // (A document removed meanwhile is not counted; one written meanwhile is weighed at the end.)
        const doc = job.touched.has(slots[i]!) ? undefined : this.docs[slots[i]!];
        if (doc) for (const field of FIELDS) for (const id of doc[field].ids) if (id < idfs.length) sizes[field][id]!++;
      }
      for (const field of FIELDS) {
        for (let id = 0; id < idfs.length; id++) {
          const n = sizes[field][id]!;
          if (n) job.postings[field][id] = { slots: new Int32Array(n), weights: new Float32Array(n), length: 0 };
        }
      }
      for (let i = 0; i < slots.length; i++) {
        if (i % docsPerStep === 0) {
          yield;
          if (this.job !== job) return;
        }
        if (!job.touched.has(slots[i]!)) this.weighInto(job, slots[i]!, idfOf);
      }
      // Documents added, replaced or removed meanwhile: out of the new postings, and in as they are now.
      for (const slot of job.touched) {
        const posted = job.posted[slot];
        if (posted) for (const field of FIELDS) for (const id of posted[field]) removePosting(job.postings, field, id, slot);
        job.posted[slot] = undefined;
        job.values[slot] = undefined;
        if (this.docs[slot]) this.weighInto(job, slot, idfOf);
      }
      for (const slot of this.slotOf.values()) {
        const doc = this.docs[slot]!;
        const values = job.values[slot]!;
        for (const field of FIELDS) doc[field].values = values[field];
      }
      this.postings = job.postings;
      this.documentsAtRefresh = documents;
      this.refreshes++;
    } finally {
      // Done, or left unfinished by its caller (then nothing of it is used).
      if (this.job === job) this.job = null;
    }
  }

  /** Whether the number of documents has drifted by more than `refreshDrift` since the last refresh. */
  get drifted(): boolean {
    return Math.abs(this.documents - this.documentsAtRefresh) > this.options.refreshDrift * Math.max(this.documentsAtRefresh, 1);
  }

  /** One document weighed with `idfOf` into a stepped refresh's postings (its own weights not touched yet). */
  private weighInto(job: RefreshJob, slot: number, idfOf: (id: number) => number): void {
    const doc = this.docs[slot]!;
    const values = {} as Record<Field, Float32Array>;
    const posted = {} as Record<Field, Int32Array>;
    for (const field of FIELDS) {
      const { ids } = doc[field];
      values[field] = this.weigh(doc[field], idfOf);
      posted[field] = ids;
      for (let i = 0; i < ids.length; i++) addPosting(job.postings, field, ids[i]!, slot, values[field][i]!);
    }
    job.values[slot] = values;
    job.posted[slot] = posted;
  }

  /** A field's weights: sublinear tf × idf × the feature's type weight, scaled to unit length. */
  private weigh({ ids, counts }: DocField, idfOf: (id: number) => number, into: Float32Array = new Float32Array(ids.length)): Float32Array {
    let sum = 0;
    for (let i = 0; i < ids.length; i++) {
      const w = sublinearTf(counts[i]!) * idfOf(ids[i]!) * this.featureTypeWeight[ids[i]!]!;
      into[i] = w;
      sum += w * w;
    }
    const inv = sum > 0 ? 1 / Math.sqrt(sum) : 0;
    for (let i = 0; i < ids.length; i++) into[i]! *= inv;
    return into;
  }

  /** Every document as it was added (ids, counts, sources per field), for a snapshot of the index. */
  dump(keys: Iterable<number> = this.slotOf.keys()): IndexDump {
    const docs: IndexDump['docs'] = [];
    for (const key of keys) {
      const doc = this.docs[this.slotOf.get(key)!];
      if (doc) docs.push({ key, fields: doc });
    }
    return { features: [...this.featureNames], langs: [...this.langNames], docs };
  }

  /**
   * Adds documents from a dump (another index's ids, translated), like `upsert`. Inside a batch
   * without refresh (a start-up), they are weighed and posted by the caller's `refresh()`.
   */
  upsertDumped(dump: Pick<IndexDump, 'features' | 'langs'>, docs: IndexDump['docs']): void {
    const ids = dump.features.map((name) => this.featureId(name));
    const langs = dump.langs.map((lang) => this.sourceCode(0, lang));
    const same = ids.every((id, i) => id === i) && langs.every((code, i) => code === i);
    for (const { key, fields } of docs) {
      this.place(key, (field) => {
        const f = fields[field];
        if (same) return f;
        const entries = Array.from(f.ids, (id, i): Entry => [ids[id]!, f.counts[i]!, (f.sources[i]! & 0xff00) | langs[f.sources[i]! & 0xff]!]);
        entries.sort((a, b) => a[0] - b[0]);
        return {
          ids: Int32Array.from(entries, (e) => e[0]),
          counts: Uint16Array.from(entries, (e) => e[1]),
          sources: Uint16Array.from(entries, (e) => e[2]),
        };
      });
    }
  }

  /**
   * The documents that have a feature (by name) in any field, with its weights summed over the
   * fields (a profile that offers cashmere and describes itself by it says it more): for searching
   * the directory by concept or term, not for ranking partners.
   */
  holders(feature: string): Map<number, number> {
    const out = new Map<number, number>();
    const id = this.featureIds.get(feature);
    if (id === undefined) return out;
    for (const field of FIELDS) {
      const posting = this.postings[field][id];
      if (!posting) continue;
      for (let k = 0; k < posting.length; k++) {
        const key = this.keyOfSlot[posting.slots[k]!]!;
        out.set(key, (out.get(key) ?? 0) + posting.weights[k]!);
      }
    }
    return out;
  }

  newAccumulator(): Accumulator {
    const n = Math.max(this.capacity * 2, 1024);
    return {
      scores: { fwd: new Float64Array(n), back: new Float64Array(n), about: new Float64Array(n) },
      stamp: new Uint32Array(n),
      generation: 0,
      touched: new Int32Array(n),
      count: 0,
    };
  }

  /**
   * Adds query · document into `acc.scores[into]` for every document that shares a feature with
   * `query` in `field`, listing each slot once in `acc.touched` (its three scores zeroed first).
   */
  accumulate(query: SparseVector, field: Field, into: Bucket, acc: Accumulator): void {
    const postings = this.postings[field];
    const { stamp, touched, generation } = acc;
    const { fwd, back, about } = acc.scores;
    const scores = acc.scores[into];
    for (let i = 0; i < query.ids.length; i++) {
      const posting = postings[query.ids[i]!];
      if (!posting) continue;
      const q = query.values[i]!;
      const { slots, weights, length } = posting;
      for (let k = 0; k < length; k++) {
        const slot = slots[k]!;
        if (stamp[slot] !== generation) {
          stamp[slot] = generation;
          fwd[slot] = 0;
          back[slot] = 0;
          about[slot] = 0;
          touched[acc.count++] = slot;
        }
        scores[slot]! += q * weights[k]!;
      }
    }
  }

  /** Refreshes once the number of documents has drifted by more than `refreshDrift` since the last refresh. */
  refreshIfDrifted(): void {
    if (this.drifted) this.refresh();
  }

  private featureId(name: string): number {
    let id = this.featureIds.get(name);
    if (id === undefined) {
      id = this.featureNames.length;
      this.featureIds.set(name, id);
      this.featureNames.push(name);
      this.featureTypeWeight.push(this.options.typeWeight(name));
      this.df.push(0);
    }
    return id;
  }

  private sourceCode(item: number, lang: string): number {
    let code = this.langCodes.get(lang);
    if (code === undefined) {
      code = this.langNames.length;
      this.langCodes.set(lang, code);
      this.langNames.push(lang);
    }
    return (Math.min(item, 0xff) << 8) | (code & 0xff);
  }

  /** Weighs a document's fields with the current idf (unit length per field) and posts them. */
  private index(slot: number, idfs?: Float64Array): void {
    const doc = this.docs[slot]!;
    const idfOf = idfs ? (id: number) => idfs[id]! : (id: number) => this.idf(id);
    for (const field of FIELDS) {
      const { ids, values } = doc[field];
      this.weigh(doc[field], idfOf, values);
      for (let i = 0; i < ids.length; i++) addPosting(this.postings, field, ids[i]!, slot, values[i]!);
    }
  }
}

/** A stepped refresh's new postings and weights (see `refreshSteps`). */
interface RefreshJob {
  postings: Record<Field, (Posting | undefined)[]>;
  /** Each weighed slot's new weights, and the feature ids they were posted under (to take them out again). */
  values: (Record<Field, Float32Array> | undefined)[];
  posted: (Record<Field, Int32Array> | undefined)[];
  /** Slots whose document was added, replaced or removed since the steps began. */
  touched: Set<number>;
}

function removePosting(postings: Record<Field, (Posting | undefined)[]>, field: Field, id: number, slot: number): void {
  const posting = postings[field][id];
  if (!posting) return;
  const at = posting.slots.subarray(0, posting.length).indexOf(slot);
  if (at < 0) return;
  // Swap-remove: the order inside a posting does not matter.
  posting.length--;
  posting.slots[at] = posting.slots[posting.length]!;
  posting.weights[at] = posting.weights[posting.length]!;
}

function addPosting(postings: Record<Field, (Posting | undefined)[]>, field: Field, id: number, slot: number, weight: number): void {
  let posting = postings[field][id];
  if (!posting) {
    posting = { slots: new Int32Array(4), weights: new Float32Array(4), length: 0 };
    postings[field][id] = posting;
  } else if (posting.length === posting.slots.length) {
    const slots = new Int32Array(posting.length * 2);
    slots.set(posting.slots);
    const weights = new Float32Array(posting.length * 2);
    weights.set(posting.weights);
    posting.slots = slots;
    posting.weights = weights;
  }
  posting.slots[posting.length] = slot;
  posting.weights[posting.length] = weight;
  posting.length++;
}

/** A field's features sorted by id, as parallel arrays. */
type RawField = Pick<DocField, 'ids' | 'counts' | 'sources'>;

function fromEntries(entries: Entry[]): RawField {
  entries.sort((a, b) => a[0] - b[0]);
  return {
    ids: Int32Array.from(entries, (e) => e[0]),
    counts: Uint16Array.from(entries, (e) => Math.min(e[1], 0xffff)),
    sources: Uint16Array.from(entries, (e) => e[2]),
  };
}

/** An index's documents with the names of its feature and language ids (see `InvertedIndex.dump`). */
export interface IndexDump {
  features: string[];
  langs: string[];
  docs: { key: number; fields: Record<Field, RawField> }[];
}

const EMPTY_FIELD: DocField = { ids: new Int32Array(0), values: new Float32Array(0), counts: new Uint16Array(0), sources: new Uint16Array(0) };
