/**
 * Technical documentation benchmark: `npm run bench:documents [-- --runs 9] [-- --out file.pdf]`. Prints one JSON
 * object on stdout (progress goes to stderr). Issue 7's target, on this 2-core machine: the
 * documentation of a fully documented high-risk version renders within 2× a baseline @react-pdf
 * document of the same number of pages of plain text, rendered in the same run, and under 2 s.
 *
 * lib/pdf cannot be loaded by tsx (the @react-pdf packages export ESM only, and tsx loads this
 * project's .ts files as CommonJS; see lib/pdf/README.md), so this entry point starts Vite's SSR
 * module loader, which is what vitest runs the PDF tests with, and runs the benchmark in it
 * (scripts/bench-documents-run.tsx).
 */
import path from "node:path";
import { parseArgs } from "node:util";

// --out FILE: also write the rendered documentation there, to look at it (pdftoppm).
const { values: args } = parseArgs({ options: { runs: { type: "string", default: "9" }, out: { type: "string" } } });

async function main() {
  // Measure what the production server runs: React's production build and JSX runtime, not the
  // development ones (the dev runtime validates every element, which alone costs seconds here).
  Object.assign(process.env, { NODE_ENV: "production" });
  const root = path.resolve(__dirname, "..");
  const { createServer } = await import("vite");
  const vite = await createServer({
    configFile: false,
    mode: "production",
    root,
    logLevel: "error",
    appType: "custom",
    resolve: { alias: { "@": root } },
    server: { middlewareMode: true, hmr: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    const { runDocumentsBenchmark } = (await vite.ssrLoadModule("/scripts/bench-documents-run.tsx")) as typeof import("./bench-documents-run");
    const result = await runDocumentsBenchmark({ runs: Math.max(1, Number(args.runs)), out: args.out });
    process.stdout.write(JSON.stringify(result, null, 2) + "\n");
  } finally {
    await vite.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
