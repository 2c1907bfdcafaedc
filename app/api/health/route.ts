import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

// Liveness and database reachability, for load balancers and the end-to-end test server. Reveals nothing.
export async function GET() {
  try {
    await db.$queryRaw`select 1`;
    return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json(
      { status: "unavailable" },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
