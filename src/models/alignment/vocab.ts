// Word ↔ id tables. Ids 0–3 are the special tokens every model shares.

export const PAD = 0, BOS = 1, EOS = 2, UNK = 3;
export const SPECIALS: readonly string[] = ["<pad>", "<s>", "</s>", "<unk>"];

/** A vocabulary: `words[id]` is the word of an id; unknown words map to `<unk>`. */
export class Vocabulary {
  readonly words: readonly string[];
  private readonly ids: ReadonlyMap<string, number>;

  /** From the plain words, after the specials; or from a saved list that already starts with them. */
  constructor(words: readonly string[]) {
    const all = words.slice(0, SPECIALS.length).every((w, i) => w === SPECIALS[i]) && words.length >= SPECIALS.length ? words : [...SPECIALS, ...words];
    this.words = all;
    this.ids = new Map(all.map((w, i) => [w, i]));
    if (this.ids.size !== all.length) throw new Error("vocabulary: words must be distinct");
  }

  get size(): number {
    return this.words.length;
  }

  /** The id of a word, or `<unk>`'s id. */
  id(word: string): number {
    return this.ids.get(word) ?? UNK;
  }

  has(word: string): boolean {
    return this.ids.has(word) && !SPECIALS.includes(word);
  }

  /** Ids of words, unknown words as `<unk>`. */
  encode(words: readonly string[]): number[] {
    return words.map((w) => this.id(w));
  }

  /** Words of ids, stopping before the first `</s>` and skipping `<pad>` and `<s>`. */
  decode(ids: readonly number[]): string[] {
    const out: string[] = [];
    for (const id of ids) {
      if (id === EOS) break;
      if (id !== PAD && id !== BOS) out.push(this.words[id] ?? "<unk>");
    }
    return out;
  }
}
