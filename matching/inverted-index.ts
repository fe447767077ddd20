import { FIELDS, type Field } from './features.ts';
import { EMPTY_VECTOR, smoothIdf, tfidfVector, type SparseVector } from './tfidf.ts';

/** One feature's postings in one field: document slots and their weights, growable. */
interface Posting {
  slots: Int32Array;
  weights: Float32Array;
  length: number;
}

/** Counts per field, by feature name: what the index is given for one document. */
export type FieldCounts = Record<Field, ReadonlyMap<string, number>>;

export interface IndexOptions {
  /** Multiplier per feature, by name: concepts above plain terms (see engine defaults). */
  typeWeight: (feature: string) => number;
  /**
   * Document weights are computed with the idf of the moment they are indexed; when the number
   * of documents has drifted by more than this share since, every weight is recomputed.
   */
  refreshDrift: number;
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
  private readonly postings: Record<Field, (Posting | undefined)[]> = { offers: [], needs: [], about: [] };

  private readonly slotOf = new Map<number, number>();
  private readonly keyOfSlot: number[] = [];
  private readonly freeSlots: number[] = [];
  /** Per slot: feature counts by id (kept to recompute weights), and the current weight vectors. */
  private readonly counts: (Record<Field, Map<number, number>> | undefined)[] = [];
  private readonly vectors: (Record<Field, SparseVector> | undefined)[] = [];
  private documents = 0;
  private documentsAtRefresh = 0;
  private deferring = false;

  constructor(private readonly options: IndexOptions) {}

  get size(): number {
    return this.documents;
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

  vector(slot: number, field: Field): SparseVector {
    return this.vectors[slot]?.[field] ?? EMPTY_VECTOR;
  }

  idf(featureId: number): number {
    return smoothIdf(this.documents, this.df[featureId] ?? 0);
  }

  /** Adds a document, or replaces the one with the same key. */
  upsert(key: number, fields: FieldCounts): void {
    if (this.slotOf.has(key)) this.remove(key);
    const slot = this.freeSlots.pop() ?? this.keyOfSlot.length;
    this.slotOf.set(key, slot);
    this.keyOfSlot[slot] = key;
    const byId = {} as Record<Field, Map<number, number>>;
    const seen = new Set<number>();
    for (const field of FIELDS) {
      byId[field] = new Map();
      for (const [name, count] of fields[field]) {
        const id = this.featureId(name);
        byId[field].set(id, count);
        seen.add(id);
      }
    }
    for (const id of seen) this.df[id] = (this.df[id] ?? 0) + 1;
    this.counts[slot] = byId;
    this.documents++;
    this.index(slot);
    if (!this.deferring) this.refreshIfDrifted();
  }

  /** Runs many changes with one refresh at the end instead of one per 10 % of growth. */
  batch(changes: () => void): void {
    this.deferring = true;
    try {
      changes();
    } finally {
      this.deferring = false;
      this.refreshIfDrifted();
    }
  }

  private refreshIfDrifted(): void {
    const drift = Math.abs(this.documents - this.documentsAtRefresh);
    if (drift > this.options.refreshDrift * Math.max(this.documentsAtRefresh, 1)) this.refresh();
  }

  remove(key: number): boolean {
    const slot = this.slotOf.get(key);
    if (slot === undefined) return false;
    this.unindex(slot);
    const seen = new Set<number>();
    for (const field of FIELDS) for (const id of this.counts[slot]![field].keys()) seen.add(id);
    for (const id of seen) this.df[id]!--;
    this.counts[slot] = undefined;
    this.vectors[slot] = undefined;
    this.slotOf.delete(key);
    this.freeSlots.push(slot);
    this.documents--;
    return true;
  }

  /** Recomputes every document's weights with the current idf. O(total postings). */
  refresh(): void {
    for (const postings of Object.values(this.postings)) postings.length = 0;
    for (const slot of this.slotOf.values()) this.index(slot);
    this.documentsAtRefresh = this.documents;
  }

  /**
   * Adds query · document for every document sharing a feature with `query` in `field` into
   * `scores` (indexed by slot), recording first-touched slots in `touched`.
   */
  accumulate(query: SparseVector, field: Field, scores: Float64Array, touched: Set<number>): void {
    const postings = this.postings[field];
    for (let i = 0; i < query.ids.length; i++) {
      const posting = postings[query.ids[i]!];
      if (!posting) continue;
      const q = query.values[i]!;
      const { slots, weights, length } = posting;
      for (let k = 0; k < length; k++) {
        const slot = slots[k]!;
        scores[slot]! += q * weights[k]!;
        touched.add(slot);
      }
    }
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

  private index(slot: number): void {
    const vectors = {} as Record<Field, SparseVector>;
    for (const field of FIELDS) {
      const vector = tfidfVector(this.counts[slot]![field], (id) => this.idf(id), (id) => this.featureTypeWeight[id]!);
      vectors[field] = vector;
      for (let i = 0; i < vector.ids.length; i++) this.addPosting(field, vector.ids[i]!, slot, vector.values[i]!);
    }
    this.vectors[slot] = vectors;
  }

  private unindex(slot: number): void {
    for (const field of FIELDS) {
      const vector = this.vectors[slot]![field];
      for (const id of vector.ids) {
        const posting = this.postings[field][id];
        if (!posting) continue;
        const at = posting.slots.subarray(0, posting.length).indexOf(slot);
        if (at < 0) continue;
        // Swap-remove: the order inside a posting does not matter.
        posting.length--;
        posting.slots[at] = posting.slots[posting.length]!;
        posting.weights[at] = posting.weights[posting.length]!;
      }
    }
  }

  private addPosting(field: Field, id: number, slot: number, weight: number): void {
    let posting = this.postings[field][id];
    if (!posting) {
      posting = { slots: new Int32Array(4), weights: new Float32Array(4), length: 0 };
      this.postings[field][id] = posting;
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
}
