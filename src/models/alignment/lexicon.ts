// The two toy languages: an English-like source and a French-like target, word for word, with the
// grammar rules that make translation more than a lookup (see grammar.ts):
//   - articles agree with the noun's gender: "the cat" → "le chat", "the house" → "la maison";
//   - adjectives follow the noun, in reverse order: "the big red car" → "la voiture rouge grande";
//   - adverbs follow the verb, and "never" wraps it: "never sleeps" → "ne dort jamais".

export type Gender = "m" | "f";

/** Determiners: English word → [masculine, feminine] French word. */
export const DETERMINERS: Readonly<Record<string, readonly [string, string]>> = {
  the: ["le", "la"], a: ["un", "une"], this: ["ce", "cette"], my: ["mon", "ma"],
};

/** Nouns: English → [French, gender]. */
export const NOUNS: Readonly<Record<string, readonly [string, Gender]>> = {
  cat: ["chat", "m"], dog: ["chien", "m"], house: ["maison", "f"], car: ["voiture", "f"], tree: ["arbre", "m"],
  bird: ["oiseau", "m"], girl: ["fille", "f"], boy: ["garçon", "m"], man: ["homme", "m"], woman: ["femme", "f"],
  river: ["rivière", "f"], city: ["ville", "f"], book: ["livre", "m"], table: ["table", "f"], flower: ["fleur", "f"],
  horse: ["cheval", "m"], garden: ["jardin", "m"], king: ["roi", "m"], queen: ["reine", "f"], apple: ["pomme", "f"],
};

/** Adjectives (French adjectives here don't agree in gender, to keep the toy small). */
export const ADJECTIVES: Readonly<Record<string, string>> = {
  big: "grand", small: "petit", red: "rouge", green: "vert", blue: "bleu", old: "vieux", young: "jeune",
  happy: "heureux", black: "noir", white: "blanc", quiet: "calme", strong: "fort", pretty: "joli", cold: "froid",
};

/** Verbs that take an object. */
export const TRANSITIVE: Readonly<Record<string, string>> = {
  sees: "voit", likes: "aime", eats: "mange", follows: "suit", finds: "trouve", watches: "regarde",
  takes: "prend", paints: "peint", hears: "entend", visits: "visite",
};

/** Verbs without an object. */
export const INTRANSITIVE: Readonly<Record<string, string>> = { sleeps: "dort", runs: "court", sings: "chante", waits: "attend" };

/** Adverbs come before the verb in English; in French after it, and "never" splits into ne … jamais. */
export const ADVERBS: Readonly<Record<string, { before: string | null; after: string }>> = {
  often: { before: null, after: "souvent" }, always: { before: null, after: "toujours" }, never: { before: "ne", after: "jamais" },
};

export const PREPOSITIONS: Readonly<Record<string, string>> = {
  near: "vers", behind: "derrière", with: "avec", under: "sous", in: "dans", on: "sur",
};

export const CONJUNCTIONS: Readonly<Record<string, string>> = { and: "et", but: "mais", then: "puis" };

/** Every source word, in a fixed order (the vocabulary's order). */
export const SOURCE_WORDS: readonly string[] = [
  ...Object.keys(DETERMINERS), ...Object.keys(NOUNS), ...Object.keys(ADJECTIVES), ...Object.keys(TRANSITIVE),
  ...Object.keys(INTRANSITIVE), ...Object.keys(ADVERBS), ...Object.keys(PREPOSITIONS), ...Object.keys(CONJUNCTIONS),
];

/** Every target word, in a fixed order. */
export const TARGET_WORDS: readonly string[] = [...new Set([
  ...Object.values(DETERMINERS).flat(), ...Object.values(NOUNS).map(([w]) => w), ...Object.values(ADJECTIVES),
  ...Object.values(TRANSITIVE), ...Object.values(INTRANSITIVE), "ne", ...Object.values(ADVERBS).map((a) => a.after),
  ...Object.values(PREPOSITIONS), ...Object.values(CONJUNCTIONS),
])];
