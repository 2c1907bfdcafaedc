// `npm test`: every check, in order of cost, stopping at the first that fails.
//   lint → type-check → unit → integration (real PostgreSQL) → end-to-end (production build, Chromium)
//   → benchmark smoke run (every case once, briefly; no figure is judged)
import { spawnSync } from "node:child_process";

const steps: [string, string, string[]][] = [
  ["Lint", "npx", ["eslint", ".", "--max-warnings", "0"]],
  ["Type-check", "npx", ["tsc", "--noEmit"]],
  ["Unit tests", "npx", ["vitest", "run", "--project", "unit"]],
  ["Integration tests", "npx", ["vitest", "run", "--project", "integration"]],
  ["End-to-end tests", "npx", ["tsx", "scripts/e2e.ts"]],
  // Only shows that every benchmark case still runs and produces numbers, on the build the end-to-end step
  // just made; it never judges a figure (`npm run bench` does, outside the tests).
  ["Benchmark smoke run", "npx", ["tsx", "bench/run.ts", "--quick", "--no-build"]],
];

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const started = Date.now();
for (const [name, command, args] of steps) {
  console.log(`\n=== ${name}: ${command} ${args.join(" ")}`);
  const stepStart = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env });
  const seconds = ((Date.now() - stepStart) / 1000).toFixed(0);
  if (result.status !== 0) {
    console.error(`\n✗ ${name} failed after ${seconds} s.`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${name} passed in ${seconds} s.`);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
