// Reading a numeric answer the way a person writes it: "1,048,576", "1 048 576", "4*512*512", "2^20",
// "3/4", "(1 + 2) / 4". A small recursive-descent parser (never eval), which also says how it read the
// text when that is not obvious, so "Read as 1500" shows before a learner wonders why 1,500 was wrong.
//
// Commas: a comma followed by exactly three digits groups thousands ("1,500" is 1500, "12,345,678"),
// any other comma is a decimal point ("0,5", "3,14"). A single group ("1,500") is the ambiguous case:
// the message says which reading was taken and how to write the other one.

/** The number read, and a note when the reading is worth saying, or why the text could not be read. */
export type ParsedAnswer =
  | { ok: true; value: number; note: string | null }
  | { ok: false; message: string };

const MAX_LENGTH = 200;
const MAX_DEPTH = 40;
const SPACE = "[ _'\\u00a0\\u2009\\u202f]";
const EXPONENT = "(?:[eE][+-]?\\d+)?";
/** Number forms, longest first; each returns the value and how separators were read. */
const FORMS: { re: RegExp; read: (m: string) => { text: string; how: "plain" | "grouped" | "thousands-comma" | "decimal-comma" } }[] = [
  // 1 048 576, 1_048_576 (spaces, underscores, thin spaces or apostrophes between groups of three)
  { re: new RegExp(`^[1-9]\\d{0,2}(?:${SPACE}\\d{3})+(?:\\.\\d+)?(?!\\d)`), read: (m) => ({ text: m.replace(new RegExp(SPACE, "g"), ""), how: "grouped" }) },
  // 1.048.576 and 1.048,5 (dots between groups, a comma for the decimals)
  { re: /^[1-9]\d{0,2}(?:\.\d{3}){2,}(?:,\d+)?(?!\d)|^[1-9]\d{0,2}(?:\.\d{3})+,\d+(?!\d)/, read: (m) => ({ text: m.replace(/\./g, "").replace(",", "."), how: "grouped" }) },
  // 1,048,576 and 1,048,576.5
  // (only "1,500", one comma and no point, could be meant as 1.5: that reading is said in the message)
  { re: /^[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?(?![\d,])/, read: (m) => ({ text: m.replace(/,/g, ""), how: /^\d+,\d{3}$/.test(m) ? "thousands-comma" : "grouped" }) },
  // 0,75 (a decimal comma)
  { re: new RegExp(`^\\d+,\\d+${EXPONENT}(?![\\d,])`), read: (m) => ({ text: m.replace(",", "."), how: "decimal-comma" }) },
  { re: new RegExp(`^(?:\\d+(?:\\.\\d*)?|\\.\\d+)${EXPONENT}`), read: (m) => ({ text: m, how: "plain" }) },
];

type Token = { kind: "number"; value: number; how: string } | { kind: "op"; op: string };

function tokenize(source: string): Token[] | string {
  const text = source.replace(/[−–]/g, "-").replace(/[×·⋅]/g, "*").replace(/÷/g, "/").replace(/\*\*/g, "^");
  const tokens: Token[] = [];
  let k = 0;
  while (k < text.length) {
    const rest = text.slice(k);
    const blank = /^\s+/.exec(rest);
    if (blank) { k += blank[0].length; continue; }
    const form = FORMS.map((f) => ({ f, m: f.re.exec(rest) })).find((x) => x.m);
    if (form?.m) {
      const { text: digits, how } = form.f.read(form.m[0]);
      tokens.push({ kind: "number", value: Number(digits), how });
      k += form.m[0].length;
      continue;
    }
    if ("+-*/^()".includes(text[k])) { tokens.push({ kind: "op", op: text[k] }); k++; continue; }
    return `“${text[k]}” is not part of a number or of + − × / ^ ( )`;
  }
  return tokens;
}

/** Reads `text` as a number or simple arithmetic; never evaluates code. */
export function parseNumericAnswer(text: string): ParsedAnswer {
  const source = text.trim();
  const unreadable = (why: string): ParsedAnswer => ({
    ok: false,
    message: `I couldn't read “${source.length > 40 ? `${source.slice(0, 39)}…` : source}” as a number (${why}). ` +
      "Write a number such as 0.75, a fraction such as 3/4, or arithmetic such as 4*512*512 or 2^20.",
  });
  if (source === "") return { ok: false, message: "Please enter a number, such as 0.75, 3/4 or 2^20." };
  if (source.length > MAX_LENGTH) return unreadable("it is too long");
  const tokens = tokenize(source);
  if (typeof tokens === "string") return unreadable(tokens);
  let at = 0;
  const peek = (): Token | undefined => tokens[at];
  const isOp = (op: string): boolean => { const t = peek(); return t?.kind === "op" && t.op === op; };
  // expr := term (('+' | '-') term)* ; term := unary (('*' | '/') unary)* ; unary := '-' unary | power
  // power := atom ('^' unary)? (right-associative, so 2^3^2 = 2^9 and -2^2 = -4) ; atom := number | '(' expr ')'
  const expr = (depth: number): number => {
    if (depth > MAX_DEPTH) throw new Error("it nests too deeply");
    let v = term(depth);
    while (isOp("+") || isOp("-")) { const op = (tokens[at++] as { op: string }).op; const r = term(depth); v = op === "+" ? v + r : v - r; }
    return v;
  };
  const term = (depth: number): number => {
    let v = unary(depth);
    while (isOp("*") || isOp("/")) { const op = (tokens[at++] as { op: string }).op; const r = unary(depth); v = op === "*" ? v * r : v / r; }
    return v;
  };
  const unary = (depth: number): number => {
    if (isOp("-")) { at++; return -unary(depth + 1); }
    if (isOp("+")) { at++; return unary(depth + 1); }
    const base = atom(depth);
    if (isOp("^")) { at++; return base ** unary(depth + 1); }
    return base;
  };
  const atom = (depth: number): number => {
    const t = peek();
    if (t?.kind === "number") { at++; return t.value; }
    if (isOp("(")) {
      at++;
      const v = expr(depth + 1);
      if (!isOp(")")) throw new Error("a “(” is never closed");
      at++;
      return v;
    }
    throw new Error(t ? `“${(t as { op: string }).op}” needs a number before it` : "it ends too early");
  };
  let value: number;
  try {
    value = expr(0);
    if (at < tokens.length) {
      const t = tokens[at];
      throw new Error(t.kind === "number" ? "two numbers in a row: put an operator between them" : `unexpected “${t.op}”`);
    }
  } catch (e) {
    return unreadable((e as Error).message);
  }
  if (!Number.isFinite(value)) return unreadable(Number.isNaN(value) ? "it has no value" : "it is infinite, perhaps a division by zero");
  return { ok: true, value, note: noteFor(source, tokens, value) };
}

/** "Read as 1500 (…)", or null when the text was a plain number that needs no comment. */
function noteFor(source: string, tokens: Token[], value: number): string | null {
  const shown = formatAnswer(value);
  const numbers = tokens.filter((t): t is Extract<Token, { kind: "number" }> => t.kind === "number");
  const plain = tokens.length === 1 || (tokens.length === 2 && (tokens[0] as { op?: string }).op === "-");
  if (numbers.some((t) => t.how === "thousands-comma")) {
    return `Read as ${shown} (the comma as a thousands separator; for a decimal, write a point, as in 1.5).`;
  }
  if (numbers.some((t) => t.how === "decimal-comma")) return `Read as ${shown} (the comma as a decimal point).`;
  if (plain && numbers[0]?.how === "plain" && !/[\se]/i.test(source)) return null;
  return `Read as ${shown}.`;
}

/** A value as the learner reads it back: at most 12 significant digits, no exponent below 1e21. */
export function formatAnswer(value: number): string {
  return String(Number(value.toPrecision(12)));
}
