// Every app process starts its realtime hub at boot, so its relay publishes alert deliveries even before
// any clinician connects to it.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  const { realtimeHub } = await import("@/lib/realtime/hub");
  realtimeHub(env.DATABASE_URL);
}
