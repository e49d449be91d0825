// Finds a Chromium to drive. Never downloads one: on a fresh Debian machine (as root) it installs
// Debian's `chromium` package and says so; elsewhere it names what to do.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

const CANDIDATES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

function found(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but there is no file there`);
    return fromEnv;
  }
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

function isDebianRoot(): boolean {
  return process.platform === "linux" && process.getuid?.() === 0 && existsSync("/etc/debian_version");
}

/** The path of a Chromium executable, installing Debian's package first when that is possible. */
export function findChromium(): string {
  const path = found();
  if (path) return path;
  if (isDebianRoot()) {
    const debian = readFileSync("/etc/debian_version", "utf8").trim();
    console.log(`e2e: no Chromium found; installing Debian's chromium package (Debian ${debian}, apt-get install -y chromium)…`);
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    const installed = found();
    if (installed) {
      console.log(`e2e: installed ${installed}`);
      return installed;
    }
  }
  throw new Error(
    "e2e: no Chromium or Chrome found. Install one (Debian/Ubuntu: apt-get install chromium) " +
      "or set CHROMIUM_PATH to its executable. Browsers are never downloaded by the tests.",
  );
}

/** Flags for a quiet headless Chromium on a machine without network or GPU. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
