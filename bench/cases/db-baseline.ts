import { serverNodeOptions } from "../../scripts/lib/server-options";
import { startHelper } from "../lib/app-server";
import type { CaseContext } from "../lib/context";
import { withClient } from "../lib/database";
import { measureLoad } from "../lib/load";
import { CONNECTIONS, POOL_SIZE, PORTS } from "../lib/profile";
import type { Figure } from "../lib/report";

const PAYLOAD = JSON.stringify({ painBefore: 3, painAfter: 2, discomfort: "NONE", worseOrSpread: false });

/**
 * D: one INSERT per request through a plain Node HTTP server (bench/baseline-server.ts) with a pg.Pool of
 * the app's size, connected as the app's own role, at P4's connection count. Rows are counted to be sure
 * every response was an insert.
 */
export async function dbBaseline(ctx: CaseContext) {
  await withClient(ctx.ownerUrl, (client) =>
    client.query(
      `create table if not exists bench_baseline (id bigserial primary key, payload jsonb not null,
                                                  created_at timestamptz not null default now())`,
    ),
  );
  const server = await startHelper(
    "bench/baseline-server.ts",
    [ctx.appEnv.DATABASE_URL!, String(POOL_SIZE)],
    // The Node options the app runs with, so that D is measured on the same footing.
    { ...process.env, NODE_OPTIONS: serverNodeOptions() },
    PORTS.baseline,
  );
  try {
    const count = () =>
      withClient(ctx.ownerUrl, async (client) => {
        const { rows } = await client.query<{ count: string }>("select count(*) from bench_baseline");
        return Number(rows[0]!.count);
      });
    const before = await count();
    const load = await measureLoad(ctx.profile, {
      url: `${server.baseUrl}/`,
      connections: CONNECTIONS.baseline,
      method: "POST",
      headers: { "content-type": "application/json" },
      setupRequest: (request) => ({ ...request, body: PAYLOAD }),
    });
    // Requests still in flight when a run stops are stored but never answered: rows may exceed responses.
    const stored = (await count()) - before;
    const answered = load.responses + load.warmup.responses - load.non2xx - load.warmup.non2xx;
    if (stored < answered) throw new Error(`D answered ${answered} requests but stored only ${stored} rows.`);
    const figures: Figure[] = [
      {
        what: `one pg INSERT per request, pool ${POOL_SIZE}, ${CONNECTIONS.baseline} connections`,
        value: load.requestsPerSecond,
        unit: "req/s",
        target: "baseline",
        pass: null,
      },
      { what: "D p99", value: load.p99, unit: "ms", target: "(information)", pass: null },
    ];
    return { figures, details: { ...load, stored }, rate: load.requestsPerSecond };
  } finally {
    await server.stop();
  }
}
