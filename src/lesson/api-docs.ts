// Build time: the public API of a module, read from its TypeScript with the compiler API, so what the
// editor (and an authors' reference page) says about the kernel is its own TSDoc and cannot drift.
// `extractApi("src/kernel/index.ts")` lists every export: its name, kind, signature, doc and example.
import { dirname, relative, resolve } from "node:path";
import ts from "typescript";

/** One export of a module, as a reader needs it. */
export interface ApiEntry {
  /** The exported name: `matmul`, even where it is `matmulFast as matmul`. */
  name: string;
  kind: "function" | "class" | "interface" | "type" | "const";
  /** `matmul(a: Matrix, b: Matrix): Matrix`; a type's or interface's declaration; a constant's type. */
  signature: string;
  /** The whole TSDoc text, tags removed. */
  doc: string;
  /** Its first sentence: what a tooltip shows. */
  summary: string;
  /** The `@example` tag's text, or null. */
  example: string | null;
  /** `@param` tags: name and text. */
  params: { name: string; doc: string }[];
  /** The file whose declaration the doc comes from, relative to `root`: "src/kernel/matmul.ts". */
  file: string;
}

const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowImportingTsExtensions: true, noEmit: true, skipLibCheck: true, strict: true, types: [], lib: ["lib.es2022.d.ts"],
};
const FORMAT = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType;

/**
 * Every export of `entry` (a TypeScript file), sorted by name. Where an export is a fast path published
 * under a plain function's name (`export { matmulFast as matmul }`) and a function of that name is
 * declared beside it, the plain one's doc is used: that is the one a learner reads.
 * @example extractApi("src/kernel/index.ts").find((e) => e.name === "softmax")?.summary
 */
export function extractApi(entry: string, root = process.cwd()): ApiEntry[] {
  const file = resolve(root, entry);
  const program = ts.createProgram([file], COMPILER_OPTIONS);
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`extractApi: cannot read ${entry}`);
  const folder = dirname(file);
  const plain = plainFunctions(program, folder);
  return checker.getExportsOfModule(moduleSymbol)
    .map((exported) => describe(exported, checker, plain, root))
    .filter((e): e is ApiEntry => e !== null)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Exported function declarations of the files in `folder`, by name. */
function plainFunctions(program: ts.Program, folder: string): Map<string, ts.FunctionDeclaration> {
  const found = new Map<string, ts.FunctionDeclaration>();
  for (const sf of program.getSourceFiles()) {
    if (dirname(sf.fileName) !== folder) continue;
    for (const node of sf.statements) {
      if (!ts.isFunctionDeclaration(node) || !node.name || found.has(node.name.text)) continue;
      if (ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Export) found.set(node.name.text, node);
    }
  }
  return found;
}

function describe(exported: ts.Symbol, checker: ts.TypeChecker, plain: Map<string, ts.FunctionDeclaration>, root: string): ApiEntry | null {
  const name = exported.getName();
  const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
  let declaration = symbol.declarations?.[0];
  if (!declaration) return null;
  const twin = plain.get(name);
  if (twin && symbol.getName() !== name && ts.isFunctionDeclaration(declaration)) declaration = twin;
  const documented = (ts.isFunctionDeclaration(declaration) && declaration.name && checker.getSymbolAtLocation(declaration.name)) || symbol;
  const doc = ts.displayPartsToString(documented.getDocumentationComment(checker)).trim();
  const tags = documented.getJsDocTags(checker);
  const tagText = (t: ts.JSDocTagInfo): string => ts.displayPartsToString(t.text ?? []).trim();
  const example = tags.filter((t) => t.name === "example").map(tagText).join("\n") || null;
  const params = tags.filter((t) => t.name === "param").map((t) => {
    const [param, ...rest] = tagText(t).split(/\s+/);
    return { name: param, doc: rest.join(" ").replace(/^-\s*/, "") };
  });
  const entry = { name, doc, summary: firstSentence(doc), example, params, file: relative(root, declaration.getSourceFile().fileName).split("\\").join("/") };
  if (ts.isFunctionDeclaration(declaration)) {
    const type = checker.getTypeOfSymbolAtLocation(symbol, declaration);
    const signatures = type.getCallSignatures().map((s) => `${name}${checker.signatureToString(s, undefined, FORMAT)}`);
    return { ...entry, kind: "function", signature: signatures.join("\n") };
  }
  if (ts.isClassDeclaration(declaration)) return { ...entry, kind: "class", signature: `class ${name}` };
  if (ts.isInterfaceDeclaration(declaration) || ts.isTypeAliasDeclaration(declaration)) {
    const text = declaration.getText().replace(/^export\s+/, "").replace(/\/\*\*[\s\S]*?\*\/\s*/g, "").replace(/\n\s*\n/g, "\n");
    return { ...entry, kind: ts.isInterfaceDeclaration(declaration) ? "interface" : "type", signature: text };
  }
  const type = checker.getTypeOfSymbolAtLocation(symbol, declaration);
  return { ...entry, kind: "const", signature: `const ${name}: ${checker.typeToString(type, undefined, FORMAT)}` };
}

/** The first sentence of a doc: up to the first ". " or ": " that ends a clause, at most 200 characters. */
export function firstSentence(doc: string): string {
  const flat = doc.replace(/\s+/g, " ").trim();
  const end = /[.!?](\s|$)/.exec(flat);
  const sentence = end ? flat.slice(0, end.index + 1) : flat;
  return sentence.length > 200 ? `${sentence.slice(0, 199)}…` : sentence;
}
