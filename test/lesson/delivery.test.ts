// The built site as a browser gets it: index.html asks for a lesson's code early (preload.ts), and
// vite preview serves the gzip copies made at build time (precompress.ts).
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { build, preview, type PreviewServer } from "vite";

let outDir = "";
let server: PreviewServer;
let base = "";

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), "attention-delivery-"));
  await build({ logLevel: "error", build: { outDir, emptyOutDir: true, sourcemap: false } });
  server = await preview({ logLevel: "error", build: { outDir }, preview: { port: 0, host: "127.0.0.1" } });
  const address = server.httpServer.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/`;
}, 120_000);

afterAll(async () => {
  await server?.close();
  rmSync(outDir, { recursive: true, force: true });
});

/** The two arrays the preload script is called with: files for every lesson, and per lesson. */
function preloadArguments(html: string): { page: string[]; lessons: Record<string, string[]> } {
  const call = /\}\)\((\[.*?\]), (\{.*?\})\);<\/script>/s.exec(html);
  if (!call) throw new Error("index.html has no preload script");
  return { page: JSON.parse(call[1]) as string[], lessons: JSON.parse(call[2]) as Record<string, string[]> };
}

describe("preload", () => {
  test("index.html names the lesson page's chunk and every lesson's, all of them built files, before the entry script", () => {
    const html = readFileSync(join(outDir, "index.html"), "utf8");
    const { page, lessons } = preloadArguments(html);
    expect(page.some((f) => /^assets\/lesson-page-.*\.js$/.test(f))).toBe(true);
    expect(Object.keys(lessons).length).toBeGreaterThanOrEqual(8);
    for (const file of [...page, ...Object.values(lessons).flat()]) expect(existsSync(join(outDir, file)), file).toBe(true);
    // A preload script after the stylesheet link would wait for it; the entry script must come after it.
    expect(html.indexOf("modulepreload")).toBeLessThan(html.search(/<script type="module"/));
    expect(html.indexOf("modulepreload")).toBeLessThan(html.search(/rel="stylesheet"/));
    // Within the first 1024 bytes the browser must still find the charset.
    expect(html.indexOf("<meta charset")).toBeLessThan(1024);
  });
});

describe("precompressed files", () => {
  test("every script has a .gz copy that unzips to the same bytes", () => {
    const html = readFileSync(join(outDir, "index.html"), "utf8");
    const { page } = preloadArguments(html);
    for (const file of page.filter((f) => f.endsWith(".js"))) {
      expect(gunzipSync(readFileSync(join(outDir, `${file}.gz`))).equals(readFileSync(join(outDir, file)))).toBe(true);
    }
  });

  test("vite preview sends the gzip copy to a client that accepts gzip, and the file itself otherwise", async () => {
    const { page } = preloadArguments(readFileSync(join(outDir, "index.html"), "utf8"));
    const file = page.find((f) => f.endsWith(".js"))!;
    const original = readFileSync(join(outDir, file));
    const gz = await fetch(base + file, { headers: { "accept-encoding": "gzip" } });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(gz.headers.get("content-type")).toMatch(/javascript/);
    expect(Buffer.from(await gz.arrayBuffer()).equals(original)).toBe(true); // fetch unzips it
    const plain = await fetch(base + file, { headers: { "accept-encoding": "identity" } });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(Buffer.from(await plain.arrayBuffer()).equals(original)).toBe(true);
    const home = await fetch(base, { headers: { "accept-encoding": "gzip" } });
    expect(home.headers.get("content-encoding")).toBe("gzip");
    expect(await home.text()).toContain("<title>Attention, Interactively</title>");
  });

  test("vite preview serves nothing from outside the built site", async () => {
    const response = await fetch(`${base}..%2Fpackage.json`, { headers: { "accept-encoding": "gzip" } });
    expect(await response.text()).not.toContain('"devDependencies"');
  });
});
