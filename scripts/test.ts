// `npm test`: every check, in order of cost, stopping at the first that fails.
//   lint → type-check → self-check → unit → integration (real PostgreSQL) → end-to-end (production build,
//   Chromium) → mutation tests of the rule files changed since main → benchmark smoke run
import { spawnSync } from "node:child_process";
import { changedMutationTargets } from "./lib/mutation-targets";

type Step = [name: string, command: string, args: string[]];

const UNIT: Step = ["Unit tests", "npx", ["vitest", "run", "--project", "unit"]];
const INTEGRATION: Step = ["Integration tests", "npx", ["vitest", "run", "--project", "integration"]];
const END_TO_END: Step = ["End-to-end tests", "npx", ["tsx", "scripts/e2e.ts"]];

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const started = Date.now();
const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(0);

function run([name, command, args]: Step) {
  console.log(`\n=== ${name}: ${command} ${args.join(" ")}`);
  const stepStart = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`\n✗ ${name} failed after ${seconds(stepStart)} s.`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${name} passed in ${seconds(stepStart)} s.`);
}

/**
 * Runs each test step on a test that fails on purpose (tests/self-check) and stops the run unless the step
 * exits non-zero and reports that one failure: a step whose failures exit 0 would make every result below
 * it meaningless.
 */
function selfCheck() {
  console.log("\n=== Self-check: each step must fail on a test that fails on purpose");
  const stepStart = Date.now();
  const checks: [Step, RegExp][] = [
    [UNIT, /Tests\s+1 failed/],
    [INTEGRATION, /Tests\s+1 failed/],
    [[END_TO_END[0], "npx", ["tsx", "scripts/e2e.ts", "--no-build"]], /\b1 failed\b/],
  ];
  for (const [[name, command, args], failure] of checks) {
    const result = spawnSync(command, args, {
      env: { ...env, BACKCARE_SELF_CHECK: "1" },
      encoding: "utf8",
      maxBuffer: 16 * 1024 * 1024,
    });
    // Runners colour their summaries when they think a terminal is watching (CI=true, FORCE_COLOR).
    const output = `${result.stdout}${result.stderr}`.replace(/\u001b\[[0-9;]*m/g, "");
    if (result.status === 0 || result.status === null || !failure.test(output)) {
      console.error(output);
      console.error(
        `\n✗ Self-check: ${name} exited ${result.status ?? result.signal} on a test that fails on purpose; ` +
          "it must exit non-zero and report exactly that failure. Its results cannot be trusted.",
      );
      process.exit(1);
    }
    console.log(`  ${name}: the failing test made the step exit ${result.status}, as it must.`);
  }
  console.log(`✓ Self-check passed in ${seconds(stepStart)} s.`);
}

run(["Lint", "npx", ["eslint", ".", "--max-warnings", "0"]]);
run(["Type-check", "npx", ["tsc", "--noEmit"]]);
selfCheck();
run(UNIT);
run(INTEGRATION);
run(END_TO_END);
// A full mutation run takes about ten minutes on 2 cores (`npm run test:mutation`); here only the rule files
// changed since this branch left main are mutated, and the run fails under the configured score.
const targets = await changedMutationTargets();
if (targets.length > 0) {
  run(["Mutation tests (changed rule files)", "npx", ["stryker", "run", "--mutate", targets.join(",")]]);
} else {
  console.log(
    "\n(No rule file under mutation testing changed since main: `npm run test:mutation` runs them all.)",
  );
}
// Only shows that every benchmark case still runs and produces numbers, on the build the end-to-end step
// just made; it never judges a figure (`npm run bench` does, outside the tests).
run(["Benchmark smoke run", "npx", ["tsx", "bench/run.ts", "--quick", "--no-build"]]);
console.log(`\nAll checks passed in ${seconds(started)} s.`);
