// npm run bench: how fast the kernel and the pages are, measured side by side, reported, never asserted.
//   npm run bench                 the Node part (kernel vs tfjs), then the browser part (every lesson)
//   npm run bench -- --node       only the Node part         npm run bench -- --browser   only the browser part
//   npm run bench -- --quick      fewer rounds, to try the bench itself out
import { benchBrowser } from "./bench/browser.ts";
import { benchNode } from "./bench/node.ts";

const args = new Set(process.argv.slice(2));
const unknown = [...args].filter((a) => !["--node", "--browser", "--quick"].includes(a));
if (unknown.length > 0) {
  console.error(`bench: unknown option ${unknown.join(", ")}; expected --node, --browser or --quick`);
  process.exit(2);
}
const quick = args.has("--quick");
const onlyBrowser = args.has("--browser") && !args.has("--node");
const onlyNode = args.has("--node") && !args.has("--browser");

if (!onlyBrowser) await benchNode({ quick });
if (!onlyBrowser && !onlyNode) console.log("");
if (!onlyNode) await benchBrowser({ quick });
