import { request } from "node:http";
import type { CaseContext } from "../lib/context";
import type { Figure } from "../lib/report";

/** Reads (or with `reset`, clears) the query log of the counting server's preload (query-counter.cjs). */
function queryLog(socketPath: string, reset = false): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const call = request({ socketPath, path: "/", method: reset ? "POST" : "GET" }, (response) => {
      let body = "";
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => resolve((JSON.parse(body) as { queries: string[] }).queries));
    });
    call.on("error", reject);
    call.end();
  });
}

/**
 * The statements Prisma runs for one request of the page, as its query events report them. The page is
 * asked once first: a session seen more than a minute ago is touched (one UPDATE) on its next request, and
 * that once-a-minute write is not what a page costs. Of the counted requests, the highest is kept.
 */
async function queriesFor(ctx: CaseContext, socketPath: string, path: string, cookie: string) {
  const get = async () => {
    const response = await fetch(`${ctx.baseUrl}${path}`, { headers: { cookie }, redirect: "manual" });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  };
  await get();
  let worst: string[] = [];
  for (let i = 0; i < ctx.profile.queryRequests; i++) {
    await queryLog(socketPath, true);
    await get();
    // Anything the page left running after the response (after(), a touch) lands within a few ms.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const queries = await queryLog(socketPath);
    if (queries.length > worst.length || i === 0) worst = queries;
  }
  return worst;
}

/** P5: database queries per request of /patient and of /clinician for clinics of 10, 100 and 1,000 patients. */
export async function queryCounts(ctx: CaseContext, socketPath: string) {
  const { accounts } = ctx;
  const patient = await queriesFor(ctx, socketPath, "/patient", accounts.patient);
  const of10 = await queriesFor(ctx, socketPath, "/clinician", accounts.clinicianOf10);
  const of100 = await queriesFor(ctx, socketPath, "/clinician", accounts.clinicianOf100);
  const of1000 = await queriesFor(ctx, socketPath, "/clinician", accounts.largeClinician);
  const figures: Figure[] = [
    { what: "/patient queries", value: patient.length, unit: "", target: "≤ 5", pass: patient.length <= 5 },
    {
      what: "/clinician queries, 10 patients",
      value: of10.length,
      unit: "",
      target: "≤ 8",
      pass: of10.length <= 8,
    },
    {
      what: "/clinician queries, 100 patients",
      value: of100.length,
      unit: "",
      target: "≤ 8 and = 10 patients'",
      pass: of100.length <= 8 && of100.length === of10.length,
    },
    {
      what: "/clinician queries, 1,000 patients",
      value: of1000.length,
      unit: "",
      target: "(information)",
      pass: null,
    },
  ];
  return {
    figures,
    details: { patient, clinicianOf10: of10, clinicianOf100: of100, clinicianOf1000: of1000 },
  };
}
