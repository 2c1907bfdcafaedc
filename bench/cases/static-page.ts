import type { CaseContext } from "../lib/context";
import { measureLoad } from "../lib/load";
import { CONNECTIONS } from "../lib/profile";
import type { Figure } from "../lib/report";

/**
 * S: the sign-in page, which reads nothing from the database for a visitor without a cookie. No page of the
 * app is prerendered (the root layout renders every page per request, for the CSP nonce), so this is the
 * app's cheapest page: Next's rendering, the proxy's headers and the network stack, without data access.
 */
export async function staticPage(ctx: CaseContext) {
  const url = `${ctx.baseUrl}/login`;
  const check = await fetch(url);
  if (check.status !== 200 || !(await check.text()).includes("Sign in"))
    throw new Error(`/login answered ${check.status} without the sign-in form`);
  const load = await measureLoad(ctx.profile, { url, connections: CONNECTIONS.static });
  const figures: Figure[] = [
    {
      what: `/login, ${CONNECTIONS.static} connections`,
      value: load.requestsPerSecond,
      unit: "req/s",
      target: "baseline",
      pass: null,
    },
    { what: "/login p95", value: load.p95, unit: "ms", target: "(information)", pass: null },
    {
      what: "/login errors and non-2xx",
      value: load.errors + load.non2xx,
      unit: "",
      target: "(information)",
      pass: null,
    },
  ];
  return { figures, details: load, rate: load.requestsPerSecond };
}
