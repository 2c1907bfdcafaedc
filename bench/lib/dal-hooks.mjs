// Module resolution for bench/dal-server.ts, which runs the app's data access code in a plain Node process:
// `server-only` (a guard that only Next.js's server build satisfies) resolves to an empty module, as in the
// Vitest config, and `@/lib/auth` (next-auth, which reads the cookie through Next's request context) to
// auth-shim.ts, which decodes the same cookie with next-auth's own decoder. Everything else is the app's.
const authShim = new URL("./auth-shim.ts", import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true };
  // Resolved onwards (not short-circuited) so that tsx, further down the chain, compiles the TypeScript.
  if (specifier === "@/lib/auth") return nextResolve(authShim, context);
  return nextResolve(specifier, context);
}
