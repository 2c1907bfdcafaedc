import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import lighthouse from "lighthouse";
import { LOG_DIR } from "../lib/app-server";
import type { CaseContext } from "../lib/context";
import { PORTS, type LighthousePage } from "../lib/profile";
import { start, stop } from "../lib/processes";
import type { Figure } from "../lib/report";
import { median, round } from "../lib/stats";

const CHROME = process.env.CHROME_PATH ?? "/usr/bin/chromium";

// Headless Chromium with everything that would reach beyond this machine turned off.
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-default-apps",
  "--disable-extensions",
  "--no-first-run",
  "--mute-audio",
];

async function startChromium() {
  const profileDir = path.resolve(LOG_DIR, "chromium-profile");
  rmSync(profileDir, { recursive: true, force: true });
  mkdirSync(profileDir, { recursive: true });
  const chromium = start(CHROME, [
    ...CHROME_FLAGS,
    `--remote-debugging-port=${PORTS.chromeDebugging}`,
    `--user-data-dir=${profileDir}`,
    "about:blank",
  ]);
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${PORTS.chromeDebugging}/json/version`);
      if (response.ok) return chromium;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop(chromium);
  throw new Error(
    `Chromium (${CHROME}) did not open its debugging port; set CHROME_PATH to a Chromium binary.`,
  );
}

type Run = {
  score: number;
  lcp: number;
  tbt: number;
  cls: number;
  benchmarkIndex: number;
  /** The main thread's tasks over 50 ms, by script, as Lighthouse attributes them: where TBT comes from. */
  longTasks: { url: string; ms: number }[];
};

async function audit(url: string, cookie: string | undefined): Promise<Run> {
  const result = await lighthouse(url, {
    port: PORTS.chromeDebugging,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance"],
    // Lighthouse's defaults: the mobile profile (Moto G Power screen) with simulated slow 4G and 4× CPU.
    extraHeaders: cookie ? { Cookie: cookie } : undefined,
  });
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
  if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(url).pathname)
    throw new Error(`Lighthouse was sent from ${url} to ${lhr.finalDisplayedUrl}`);
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  return {
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    lcp: numeric("largest-contentful-paint"),
    tbt: numeric("total-blocking-time"),
    cls: numeric("cumulative-layout-shift"),
    // Lighthouse's measure of this machine's CPU at the time of the run: it falls when other work shares it.
    benchmarkIndex: lhr.environment.benchmarkIndex,
    longTasks: (
      (lhr.audits["long-tasks"]?.details as { items?: { url: string; duration: number }[] })?.items ?? []
    ).map((task) => ({ url: task.url.replace(/^https?:\/\/[^/]+/, ""), ms: Math.round(task.duration) })),
  };
}

/** P7: Lighthouse's performance audit of three pages, the median of each figure over the runs. */
export async function lighthouseAudits(ctx: CaseContext) {
  const cookies: Record<LighthousePage, string | undefined> = {
    "/login": undefined,
    "/patient": ctx.accounts.patient,
    "/clinician": ctx.accounts.largeClinician,
  };
  const pages = ctx.profile.lighthousePages.map((path) => ({ path, cookie: cookies[path] }));
  const chromium = await startChromium();
  const figures: Figure[] = [];
  const details: Record<string, Run[]> = {};
  try {
    for (const page of pages) {
      const runs: Run[] = [];
      for (let i = 0; i < ctx.profile.lighthouseRuns; i++)
        runs.push(await audit(`${ctx.baseUrl}${page.path}`, page.cookie));
      details[page.path] = runs;
      const mid = (pick: (run: Run) => number) => median(runs.map(pick));
      const score = mid((run) => run.score);
      const lcp = mid((run) => run.lcp) / 1000;
      const tbt = mid((run) => run.tbt);
      const cls = mid((run) => run.cls);
      figures.push(
        { what: `${page.path} performance score`, value: score, unit: "", target: "≥ 90", pass: score >= 90 },
        { what: `${page.path} LCP`, value: round(lcp, 2), unit: "s", target: "≤ 2.5 s", pass: lcp <= 2.5 },
        { what: `${page.path} TBT`, value: round(tbt, 0), unit: "ms", target: "≤ 200 ms", pass: tbt <= 200 },
        { what: `${page.path} CLS`, value: round(cls, 3), unit: "", target: "≤ 0.1", pass: cls <= 0.1 },
      );
    }
  } finally {
    await stop(chromium);
  }
  const index = median(Object.values(details).flatMap((runs) => runs.map((run) => run.benchmarkIndex)));
  figures.push({
    what: "Lighthouse CPU benchmark index (median)",
    value: Math.round(index),
    unit: "",
    target: "(information)",
    pass: null,
  });
  return { figures, details };
}
