import type { CaseContext } from "../lib/context";
import { measureLoad } from "../lib/load";
import { CONNECTIONS } from "../lib/profile";
import type { Figure } from "../lib/report";
import { round } from "../lib/stats";

/** P3: the demo patient's /patient page (session check, plan, unseen changes) under load. */
export async function patientPage(ctx: CaseContext, staticRate: number) {
  const url = `${ctx.baseUrl}/patient`;
  const headers = { cookie: ctx.accounts.patient };
  const check = await fetch(url, { headers, redirect: "manual" });
  if (check.status !== 200 || !(await check.text()).includes('id="plan-heading"'))
    throw new Error(`/patient answered ${check.status} without the plan`);
  const load = await measureLoad(ctx.profile, { url, connections: CONNECTIONS.patientPage, headers });
  const floor = 0.1 * staticRate;
  const figures: Figure[] = [
    {
      what: `/patient, ${CONNECTIONS.patientPage} connections`,
      value: load.requestsPerSecond,
      unit: "req/s",
      note: `${round(load.requestsPerSecond / staticRate, 2)} × S`,
      target: `≥ 0.10 × S = ${round(floor)} req/s`,
      pass: load.requestsPerSecond >= floor,
    },
    { what: "/patient p95", value: load.p95, unit: "ms", target: "≤ 200 ms", pass: load.p95 <= 200 },
    {
      what: "/patient errors and non-2xx",
      value: load.errors + load.non2xx,
      unit: "",
      target: "0",
      pass: load.errors + load.non2xx === 0,
    },
  ];
  return { figures, details: load };
}
