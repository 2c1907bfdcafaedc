import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { RESULTS_DIR, type Profile } from "./profile";

/** One judged (or baseline) figure: a row of the table. */
export type Figure = {
  what: string;
  value: number;
  unit: string;
  /** What the figure is judged against, in words ("≥ 0.10 × S = 81 req/s"), or "baseline". */
  target: string;
  /** null for baselines and figures shown for information only. */
  pass: boolean | null;
  /** A relative figure shown beside the value, such as "0.26 × S". */
  note?: string;
};

export type CaseResult = {
  id: string;
  title: string;
  figures: Figure[];
  /** Anything else worth keeping in latest.json (per-run numbers, the queries, chunk lists). */
  details?: unknown;
  /** Set when the case could not run or produced no numbers. */
  error?: string;
  seconds: number;
  /** The machine's 1-minute load average when the case started: other work on the 2 cores moves every figure. */
  loadAverage: number;
};

const formatValue = (figure: Figure) =>
  `${Number.isInteger(figure.value) ? figure.value : figure.value.toFixed(figure.value < 10 ? 2 : 1)}${figure.unit ? ` ${figure.unit}` : ""}`;

const verdict = (pass: boolean | null) => (pass === null ? "—" : pass ? "pass" : "**fail**");

export function markdownTable(results: CaseResult[]): string {
  const rows = ["| case | figure | value | target | result |", "| ---- | ------ | ----- | ------ | ------ |"];
  for (const result of results) {
    if (result.error) {
      rows.push(
        `| ${result.id} | ${result.title} | did not run: ${result.error.split("\n")[0]} | | **error** |`,
      );
      continue;
    }
    for (const figure of result.figures) {
      const value = figure.note ? `${formatValue(figure)} (${figure.note})` : formatValue(figure);
      rows.push(`| ${result.id} | ${figure.what} | ${value} | ${figure.target} | ${verdict(figure.pass)} |`);
    }
  }
  return rows.join("\n");
}

export type Report = {
  profile: Profile["name"];
  startedAt: string;
  seconds: number;
  machine: { cpus: number; node: string };
  results: CaseResult[];
};

/** Writes latest.json (or quick.json for the smoke run, so it never replaces the full run's figures). */
export function writeReport(report: Report): { json: string; markdown: string } {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const base = report.profile === "full" ? "latest" : "quick";
  const json = path.join(RESULTS_DIR, `${base}.json`);
  const markdown = path.join(RESULTS_DIR, `${base}.md`);
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(markdown, `${markdownTable(report.results)}\n`);
  return { json, markdown };
}
