import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { LIMITS, consume } from "@/lib/dal/rate-limit";
import type { PatientUser } from "@/lib/dal/session";
import { CLIENT_ADDRESS_HEADER, trustClientAddressHeader } from "@/scripts/lib/client-address.mjs";
import { concurrently, values } from "../support/concurrently";
import { clearCheckIn } from "../support/fixtures";
import { clinicWithActivePlan } from "../support/plans";

const session = vi.hoisted(() => ({ user: null as PatientUser | null }));
vi.mock("@/lib/dal/session", () => ({
  requirePatient: async () => session.user,
  requireClinician: async () => {
    throw new Error("not a clinician");
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
const { logSessionAction } = await import("@/lib/actions/session-log");
const { checkInAction } = await import("@/lib/actions/check-in");

/** An action's returned state, or "redirected" when it succeeded and redirected to its result page. */
const outcome = (promise: Promise<{ message?: string }>) =>
  promise.catch((error: { digest?: string }) => {
    if (error?.digest?.startsWith("NEXT_REDIRECT")) return { message: "redirected" };
    throw error;
  });

describe("rate limits", () => {
  it("counts in fixed windows in the database and allows exactly the limit", async () => {
    const key = `test:${randomUUID()}`;
    const limit = { limit: 3, windowMs: 60_000 };
    const at = new Date("2026-01-01T10:00:10Z");
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await consume(key, limit, at));
    expect(results).toEqual([true, true, true, false]);
    expect(await consume(key, limit, new Date("2026-01-01T10:01:00Z"))).toBe(true);
    const rows = await db.rateLimit.findMany({ where: { key }, orderBy: { windowStart: "asc" } });
    expect(rows.map((row) => [row.windowStart.toISOString(), row.count])).toEqual([
      ["2026-01-01T10:00:00.000Z", 4],
      ["2026-01-01T10:01:00.000Z", 1],
    ]);
  });

  it("holds under concurrent requests, as from several app processes", async () => {
    const key = `test:${randomUUID()}`;
    const results = values(await concurrently(12, () => consume(key, { limit: 5, windowMs: 60_000 })));
    expect(results.filter(Boolean)).toHaveLength(5);
  });

  describe("for a patient", () => {
    beforeEach(async () => {
      const setup = await clinicWithActivePlan();
      session.user = setup.patient.asPatient;
    });

    it(`refuses session logs past ${LIMITS.sessionLogPerPatient.limit} in a minute with a clear message, storing nothing`, async () => {
      const form = () => {
        const data = new FormData();
        for (const [key, value] of Object.entries({
          idempotencyKey: randomUUID(),
          planVersion: "1",
          painBefore: "2",
          painAfter: "2",
          discomfort: "NONE",
          notes: "",
        })) {
          data.set(key, value);
        }
        return data;
      };
      // Each session follows a clear check-in of its own, stored directly: the check-ins have a limit too.
      for (let i = 0; i < LIMITS.sessionLogPerPatient.limit; i++) {
        await clearCheckIn(session.user!.patientId);
        expect((await outcome(logSessionAction({}, form()))).message).toBe("redirected");
      }
      await clearCheckIn(session.user!.patientId);
      const limited = await outcome(logSessionAction({}, form()));
      expect(limited.message).toBe(
        "Too many session logs in a short time. Please wait a minute and try again.",
      );
      expect(await db.sessionLog.count({ where: { patientId: session.user!.patientId } })).toBe(
        LIMITS.sessionLogPerPatient.limit,
      );
    });

    it("refuses too many check-ins in a minute", async () => {
      const form = () => {
        const data = new FormData();
        data.set("idempotencyKey", randomUUID());
        data.set("painScore", "2");
        return data;
      };
      for (let i = 0; i < LIMITS.checkInPerPatient.limit; i++)
        expect((await outcome(checkInAction({}, form()))).message).toBe("redirected");
      expect((await outcome(checkInAction({}, form()))).message).toBe(
        "Too many check-ins in a short time. Please wait a minute and try again.",
      );
      expect(await db.checkIn.count({ where: { patientId: session.user!.patientId } })).toBe(
        LIMITS.checkInPerPatient.limit,
      );
    });
  });
});

describe("sign-in limits", () => {
  // The limits count in fixed 15-minute windows of the clock. Pin the clock (Date only; timers stay real)
  // just inside the current window, so that a test running across a window's edge does not see its count
  // start again at zero.
  beforeEach(() => {
    const windowMs = LIMITS.signInPerAddress.windowMs;
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Math.floor(Date.now() / windowMs) * windowMs + 1_000);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  // As behind scripts/server.mjs, which records each request's client address.
  trustClientAddressHeader();
  const request = (address: string) =>
    new Request("http://localhost/api/auth/callback/credentials", {
      headers: { [CLIENT_ADDRESS_HEADER]: address },
    });

  it(`refuses attempts past ${LIMITS.signInPerAccount.limit} on one account, even with the right password`, async () => {
    const { authorizeCredentials, SignInRateLimited } = await import("@/lib/auth/authorize");
    const { clinician } = await (await import("../support/fixtures")).createClinic();
    for (let i = 0; i < LIMITS.signInPerAccount.limit; i++) {
      expect(
        await authorizeCredentials(
          { email: clinician.email, password: "wrong-password" },
          request(`10.9.0.${i}`),
        ),
      ).toBeNull();
    }
    await expect(
      authorizeCredentials({ email: clinician.email, password: "fixture-password" }, request("10.9.1.1")),
    ).rejects.toBeInstanceOf(SignInRateLimited);
  });

  it(`refuses attempts past ${LIMITS.signInPerAddress.limit} from one address, across accounts`, async () => {
    const { authorizeCredentials, SignInRateLimited } = await import("@/lib/auth/authorize");
    const address = `10.8.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < LIMITS.signInPerAddress.limit; i++) {
      await authorizeCredentials(
        { email: `nobody-${i}@test.example`, password: "whatever" },
        request(address),
      );
    }
    await expect(
      authorizeCredentials({ email: "nobody-else@test.example", password: "whatever" }, request(address)),
    ).rejects.toBeInstanceOf(SignInRateLimited);
  }, 60_000);
});
