/**
 * Seeded pseudo-random numbers for the report generator.
 *
 * The generator is sfc32 ("Small Fast Counting" generator by Chris Doty-Humphrey, from the
 * PractRand suite): 128 bits of state, passes BigCrush/PractRand, and runs in a handful of
 * 32-bit integer operations — far faster than anything that allocates. The seed (a number or
 * a string) is spread over the four state words with cyrb128, a small well-known string hash.
 * Nothing here is cryptographic; it only has to be reproducible and well distributed.
 */

/** cyrb128 (bryc, public domain): hashes a string to four 32-bit words. */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** "000" … "999". */
const THREE_DIGITS: readonly string[] = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
/** Scratch space for hex(): random words are written here and hex-encoded natively. */
const HEX_BUFFER = Buffer.alloc(64);

/** A cumulative-weight table, built once, for fast weighted picks. */
export interface WeightedTable<T> {
  readonly values: readonly T[];
  readonly cumulative: Float64Array;
  readonly total: number;
}

export function weightedTable<T>(entries: ReadonlyArray<readonly [T, number]>): WeightedTable<T> {
  if (entries.length === 0) throw new Error('weightedTable needs at least one entry');
  const cumulative = new Float64Array(entries.length);
  let total = 0;
  entries.forEach(([, weight], index) => {
    if (!(weight >= 0)) throw new Error(`weight must be ≥ 0, got ${weight}`);
    total += weight;
    cumulative[index] = total;
  });
  if (total <= 0) throw new Error('weightedTable needs a positive total weight');
  return { values: entries.map(([value]) => value), cumulative, total };
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** `42` and `'42'` are the same seed (so a CLI `--seed 42` matches the API). */
  constructor(seed: number | string) {
    [this.a, this.b, this.c, this.d] = cyrb128(`puzzelstuk:${String(seed)}`);
    // Warm up so that similar seeds diverge fully.
    for (let i = 0; i < 15; i++) this.uint32();
  }

  /** sfc32 step: a uniformly distributed unsigned 32-bit integer. */
  uint32(): number {
    const a = this.a;
    const b = this.b;
    const c = this.c;
    const d = this.d;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    this.c = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.float() * values.length)] as T;
  }

  weighted<T>(table: WeightedTable<T>): T {
    const target = this.float() * table.total;
    const { cumulative, values } = table;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((cumulative[mid] as number) > target) high = mid;
      else low = mid + 1;
    }
    return values[low] as T;
  }

  /** Picks an index with a bias to the front: index 0 is the most likely (a Zipf-like skew). */
  skewedIndex(length: number, skew = 1.5): number {
    return Math.min(length - 1, Math.floor(length * Math.pow(this.float(), skew + 1)));
  }

  /** Up to `count` distinct values from `values`, in random order. */
  sample<T>(values: readonly T[], count: number): T[] {
    const copy = values.slice();
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.float() * (copy.length - i));
      const swap = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = swap;
    }
    copy.length = n;
    return copy;
  }

  /** `length` random digits as a string (may start with 0). */
  digits(length: number): string {
    let out = '';
    let left = length;
    // Three digits per draw, from a table of "000".."999".
    while (left >= 3) {
      out += THREE_DIGITS[Math.floor(this.float() * 1000)] as string;
      left -= 3;
    }
    if (left > 0) out += (THREE_DIGITS[Math.floor(this.float() * 1000)] as string).slice(3 - left);
    return out;
  }

  /** `length` lower-case hexadecimal characters. */
  hex(length: number): string {
    let out = '';
    for (let left = length; left > 0; left -= 2 * HEX_BUFFER.length) {
      const bytes = Math.min(HEX_BUFFER.length, (left + 1) >> 1);
      for (let i = 0; i < bytes; i += 4) HEX_BUFFER.writeUInt32LE(this.uint32(), i);
      const chunk = HEX_BUFFER.toString('hex', 0, bytes);
      out += chunk.length > left ? chunk.slice(0, left) : chunk;
    }
    return out;
  }

  bytes(length: number): Uint8Array {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++) out[i] = this.uint32() & 255;
    return out;
  }

  /** Exponentially distributed with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.float()) * mean;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.float();
    const v = this.float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median and spread (sigma of the underlying normal). */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /**
   * A whole number from a (truncated) Pareto power law: P(X ≥ x) ∝ x^-alpha for x in [min, max].
   * Many draws sit at the minimum; a few are large.
   */
  powerLaw(min: number, max: number, alpha: number): number {
    // Inverse CDF of the Pareto distribution truncated to [min, max + 1).
    const tail = Math.pow(min / (max + 1), alpha);
    const value = Math.floor(min / Math.pow(1 - this.float() * (1 - tail), 1 / alpha));
    return value > max ? max : value;
  }

  /** An independent generator derived from this one (so sub-streams do not shift each other). */
  fork(label: string): Rng {
    return new Rng(`${label}:${this.uint32()}:${this.uint32()}`);
  }
}
