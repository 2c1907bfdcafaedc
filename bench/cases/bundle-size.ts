import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { CaseContext } from "../lib/context";
import { withClient } from "../lib/database";
import type { Figure } from "../lib/report";
import { round } from "../lib/stats";

const LIMIT_KB = 150;

/**
 * The JavaScript files a route makes the browser load: its <script src> tags (except `noModule` polyfills,
 * which modern browsers skip) and the client chunks its inline RSC payload names. Counting the payload's
 * chunks too catches a client component that is only listed there.
 */
export function scriptsOf(html: string): string[] {
  const tags = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"[^>]*>/g)].map((match) => ({
    src: match[1]!,
    noModule: /\bnomodule\b/i.test(match[0]),
  }));
  const polyfills = new Set(tags.filter((tag) => tag.noModule).map((tag) => tag.src));
  const payload = html.match(/\/_next\/static\/chunks\/[\w.-]+\.js/g) ?? [];
  const all = [...tags.map((tag) => tag.src), ...payload].filter((src) => !polyfills.has(src));
  return [...new Set(all)];
}

/** Gzip size (level 6, what `next start` compresses with) of each chunk, read from this build's output. */
function gzipKb(src: string): number {
  const file = path.join(".next", src.replace(/^\/_next\//, ""));
  return gzipSync(readFileSync(file)).length / 1024;
}

async function routeScripts(ctx: CaseContext, route: string, cookie?: string) {
  const response = await fetch(`${ctx.baseUrl}${route}`, {
    headers: cookie ? { cookie } : {},
    redirect: "manual",
  });
  const html = await response.text();
  if (response.status !== 200) throw new Error(`${route} answered ${response.status}`);
  const chunks = scriptsOf(html).map((src) => ({ src, gzipKb: round(gzipKb(src), 1) }));
  return {
    route,
    totalKb: round(
      chunks.reduce((sum, chunk) => sum + chunk.gzipKb, 0),
      1,
    ),
    chunks,
  };
}

/** P8: JavaScript per route, gzip. */
export async function bundleSizes(ctx: CaseContext) {
  // The session form opens only after a clear check-in of the patient's own, made in the last 2 hours.
  await withClient(ctx.ownerUrl, (client) =>
    client.query(
      `insert into check_in (patient_id, idempotency_key, request_hash, pain_score, red_flags)
       select p.id, 'bench-p8-' || gen_random_uuid(), 'bench', 2, '{}'
         from patient p join app_user u on u.id = p.user_id where u.email = 'patient@demo.test'`,
    ),
  );
  const routes = [
    await routeScripts(ctx, "/patient", ctx.accounts.patient),
    await routeScripts(ctx, "/patient/log", ctx.accounts.patient),
    await routeScripts(ctx, "/login"),
    await routeScripts(ctx, "/clinician", ctx.accounts.largeClinician),
  ];
  const figures: Figure[] = routes.map(({ route, totalKb }) => {
    const judged = route.startsWith("/patient");
    return {
      what: `${route} JavaScript, gzip`,
      value: totalKb,
      unit: "kB",
      target: judged ? `≤ ${LIMIT_KB} kB` : "(information)",
      pass: judged ? totalKb <= LIMIT_KB : null,
    };
  });
  return { figures, details: routes };
}
