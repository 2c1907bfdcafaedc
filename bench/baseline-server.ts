// The D baseline: a plain Node HTTP server that does one `pg` INSERT per request on a pg.Pool of the app's
// pool size. Whatever a session log costs beyond this is the app's own (auth, zod, the transaction, the
// idempotency check, the outbox), so P4 is judged as a fraction of D measured in the same run.
//
//   tsx bench/baseline-server.ts <database-url> <pool-size> <port>
import { createServer } from "node:http";
import pg from "pg";

const [url, poolSize, port] = process.argv.slice(2);
if (!url || !poolSize || !port)
  throw new Error("usage: baseline-server.ts <database-url> <pool-size> <port>");

const pool = new pg.Pool({ connectionString: url, max: Number(poolSize) });

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    pool
      .query<{ id: string }>("insert into bench_baseline (payload) values ($1) returning id", [
        Buffer.concat(chunks).toString("utf8") || "{}",
      ])
      .then(({ rows }) => {
        response.writeHead(200, { "content-type": "application/json" });
        response.end(JSON.stringify({ id: rows[0]!.id }));
      })
      .catch((error: Error) => {
        response.writeHead(500);
        response.end(error.message);
      });
  });
});

server.listen(Number(port), "127.0.0.1", () => console.log(`baseline listening on ${port}`));
const close = () => server.close(() => void pool.end().then(() => process.exit(0)));
process.on("SIGTERM", close);
process.on("SIGINT", close);
