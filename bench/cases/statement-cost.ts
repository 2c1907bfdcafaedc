import { PrismaPg } from "@prisma/adapter-pg";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { PrismaClient } from "../../generated/prisma/client";
import type { CaseContext } from "../lib/context";
import { POOL_SIZE } from "../lib/profile";
import type { Figure } from "../lib/report";
import { median, round } from "../lib/stats";

/**
 * Q: what one statement costs through `pg` and through Prisma, one at a time with nothing else running, as
 * the app's database role and with the app's pool size. Prisma 6's client engine compiles every query
 * (raw ones too) to a plan in WebAssembly on the main thread, then interprets the plan in JavaScript; the
 * app serves every request from one such thread, so P3's and P4's throughput follows from the statements a
 * request makes times this cost. Reported per statement (or per transaction), the median of the profile's
 * runs: the wall time, and the time Node's event loop was busy (its main thread, where the app's work is).
 */
export async function statementCost(ctx: CaseContext) {
  const url = ctx.appEnv.DATABASE_URL!;
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: POOL_SIZE }) });
  const calls = ctx.profile.name === "quick" ? 50 : 300;
  try {
    const {
      rows: [session],
    } = await pool.query<{ id: string }>("select id from auth_session limit 1");
    if (!session) throw new Error("no session to read: the bench's sign-ins made none");
    const sessionId = session.id;

    const cases: { what: string; call: () => Promise<unknown> }[] = [
      { what: "pg, select 1", call: () => pool.query("select 1") },
      { what: "Prisma, $queryRaw select 1", call: () => prisma.$queryRaw`select 1` },
      {
        what: "pg, a session with its user, clinic and patient (one join)",
        call: () =>
          pool.query(
            `select s.id, s.revoked_at, u.role, u.session_version, c.mfa_required, p.id as patient_id
               from auth_session s join app_user u on u.id = s.user_id join clinic c on c.id = u.clinic_id
               left join patient p on p.user_id = u.id
              where s.id = $1`,
            [sessionId],
          ),
      },
      {
        what: "Prisma, the same through a nested select (one statement)",
        call: () =>
          prisma.authSession.findUnique({
            where: { id: sessionId },
            select: {
              id: true,
              revokedAt: true,
              user: {
                select: {
                  role: true,
                  sessionVersion: true,
                  clinic: { select: { mfaRequired: true } },
                  patient: { select: { id: true } },
                },
              },
            },
          }),
      },
      {
        what: "Prisma, a transaction of three reads by key",
        call: () =>
          prisma.$transaction(async (tx) => {
            for (let read = 0; read < 3; read++)
              await tx.authSession.findUnique({ where: { id: sessionId }, select: { id: true } });
          }),
      },
    ];

    const figures: Figure[] = [];
    const details: Record<string, { wallMs: number[]; mainThreadMs: number[] }> = {};
    for (const { what, call } of cases) {
      for (let warm = 0; warm < 30; warm++) await call();
      const wallMs: number[] = [];
      const mainThreadMs: number[] = [];
      for (let run = 0; run < ctx.profile.runs; run++) {
        const loopBefore = performance.eventLoopUtilization();
        const started = performance.now();
        for (let i = 0; i < calls; i++) await call();
        const loop = performance.eventLoopUtilization(loopBefore);
        wallMs.push(round((performance.now() - started) / calls, 3));
        mainThreadMs.push(round(loop.active / calls, 3));
      }
      details[what] = { wallMs, mainThreadMs };
      figures.push({
        what,
        value: round(median(wallMs), 2),
        unit: "ms",
        note: `${round(median(mainThreadMs), 2)} ms on Node's main thread`,
        target: "(information)",
        pass: null,
      });
    }
    return { figures, details: { callsPerRun: calls, ...details } };
  } finally {
    await prisma.$disconnect();
    await pool.end();
  }
}
