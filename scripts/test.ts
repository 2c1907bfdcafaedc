// `npm test`: every check, in order of cost, stopping at the first that fails.
//   lint → type-check → unit → integration (real PostgreSQL) → end-to-end (production build, Chromium)
import { spawnSync } from "node:child_process";

const steps: [string, string, string[]][] = [
  ["Lint", "npx", ["eslint", ".", "--max-warnings", "0"]],
  ["Type-check", "npx", ["tsc", "--noEmit"]],
  ["Unit tests", "npx", ["vitest", "run", "--project", "unit"]],
  ["Integration tests", "npx", ["vitest", "run", "--project", "integration"]],
  ["End-to-end tests", "npx", ["tsx", "scripts/e2e.ts"]],
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
