import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SignInRateLimited } from "@/lib/auth";
import { authorizeCredentials } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { PASSWORD_CHANGE_LOCKED, changePassword, verifyCredentials } from "@/lib/dal/credentials";
import { LIMITS } from "@/lib/dal/rate-limit";
import { withClientAddress } from "@/scripts/lib/client-address.mjs";
import { FIXTURE_PASSWORD, createClinic } from "../support/fixtures";

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => "changed",
    (error: Error & { code?: string }) => error.code ?? error.message,
  );

describe("checking the current password when changing it", () => {
  it("counts as a sign-in: the 11th wrong current password is refused as locked, and every try is audited", async () => {
    const { clinician, clinic } = await createClinic();
    const me = { id: clinician.id, clinicId: clinic.id, sessionId: null };
    const now = new Date();
    const answers = [];
    for (let attempt = 1; attempt <= 11; attempt++)
      answers.push(
        await refusal(
          changePassword(me, { current: `guess ${attempt}`, next: "calm morning stretches" }, now),
        ),
      );
    expect(answers).toEqual([...Array(5).fill("WRONG_PASSWORD"), ...Array(6).fill("LOCKED")]);
    // Locked, not merely wrong: the right password is refused too, with words that say so.
    await expect(
      changePassword(me, { current: FIXTURE_PASSWORD, next: "calm morning stretches" }, now),
    ).rejects.toThrow(PASSWORD_CHANGE_LOCKED);
    // The same lock stops signing in.
    expect(await verifyCredentials(clinician.email, FIXTURE_PASSWORD, now)).toBeNull();

    const events = await db.auditEvent.findMany({
      where: { actorId: clinician.id },
      orderBy: { createdAt: "asc" },
      select: { action: true, metadata: true },
    });
    expect(events.filter((event) => event.action === "auth.password_change_failed")).toHaveLength(5);
    expect(events.filter((event) => event.action === "auth.password_change_refused")).toHaveLength(7);
    expect(events.at(-1)).toEqual({ action: "auth.sign_in_refused", metadata: { reason: "locked" } });
    const user = await db.user.findUniqueOrThrow({ where: { id: clinician.id } });
    expect(user.failedLoginCount).toBe(5);
    expect(user.lockedUntil!.getTime()).toBeGreaterThan(now.getTime());
  });

  it("shares one count with failed sign-ins", async () => {
    const { clinician, clinic } = await createClinic();
    const me = { id: clinician.id, clinicId: clinic.id, sessionId: null };
    const now = new Date();
    for (let attempt = 1; attempt <= 3; attempt++) await verifyCredentials(clinician.email, "wrong", now);
    expect(await refusal(changePassword(me, { current: "wrong", next: "calm morning stretches" }, now))).toBe(
      "WRONG_PASSWORD",
    );
    expect(await refusal(changePassword(me, { current: "wrong", next: "calm morning stretches" }, now))).toBe(
      "WRONG_PASSWORD",
    );
    expect(
      await refusal(changePassword(me, { current: FIXTURE_PASSWORD, next: "calm morning stretches" }, now)),
    ).toBe("LOCKED");
  });
});

describe("the per-address sign-in limit", () => {
  let server: Server | null = null;
  // Limits count in fixed windows of the clock: pin it (Date only) inside the current window, so that a
  // test's attempts cannot straddle two windows.
  beforeEach(() => {
    const windowMs = LIMITS.signInPerAddress.windowMs;
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Math.floor(Date.now() / windowMs) * windowMs + 1_000);
  });
  afterEach(() => {
    vi.useRealTimers();
    server?.close();
    server = null;
  });

  /**
   * A server like scripts/server.mjs: the same wrapper records the client's address, and behind it the
   * Credentials provider's own check runs on the request's headers.
   */
  async function signInServer(hops: number): Promise<string> {
    server = createServer(
      withClientAddress(async (request, response) => {
        const query = new URL(request.url!, "http://localhost").searchParams;
        const headers = new Headers();
        for (const [name, value] of Object.entries(request.headers))
          if (typeof value === "string") headers.set(name, value);
        let answer: string;
        try {
          const user = await authorizeCredentials(
            { email: query.get("email"), password: query.get("password") },
            new Request("http://localhost/api/auth/callback/credentials", { headers }),
          );
          answer = user ? "signed-in" : "refused";
        } catch (error) {
          answer = error instanceof SignInRateLimited ? "limited" : "error";
        }
        response.end(answer);
      }, hops),
    );
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async function attempt(base: string, email: string, forwardedFor?: string) {
    const response = await fetch(`${base}/?${new URLSearchParams({ email, password: "a wrong password" })}`, {
      headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {},
    });
    return response.text();
  }

  it("counts 55 sign-ins with a rotated X-Forwarded-For as one address", { timeout: 60_000 }, async () => {
    const base = await signInServer(0);
    // Each attempt names another account, so that only the address limit can stop them.
    const prefix = `rotating-${Date.now()}`;
    const answers = [];
    for (let i = 0; i < 55; i++)
      answers.push(await attempt(base, `${prefix}-${i}@test.example`, `198.51.100.${i}, 203.0.113.${i}`));
    const limit = LIMITS.signInPerAddress.limit;
    expect(answers.slice(0, limit)).toEqual(Array(limit).fill("refused"));
    expect(answers.slice(limit)).toEqual(Array(55 - limit).fill("limited"));
  });

  it("behind one trusted proxy, counts the address the proxy saw, not what the client wrote before it", async () => {
    const base = await signInServer(1);
    const prefix = `proxied-${Date.now()}`;
    // The proxy appends the client's real address after whatever the client sent.
    for (let i = 0; i < 3; i++) await attempt(base, `${prefix}-${i}@test.example`, `10.9.${i}.1, 192.0.2.44`);
    await attempt(base, `${prefix}-other@test.example`, "192.0.2.45");
    // Only the addresses the proxy appended are counted; the ones the client wrote before them are not.
    const counts = await db.rateLimit.findMany({
      where: {
        key: {
          in: ["192.0.2.44", "192.0.2.45", "10.9.0.1", "10.9.1.1", "10.9.2.1"].map(
            (address) => `sign-in:address:${address}`,
          ),
        },
      },
      select: { key: true, count: true },
      orderBy: { key: "asc" },
    });
    expect(counts).toEqual([
      { key: "sign-in:address:192.0.2.44", count: 3 },
      { key: "sign-in:address:192.0.2.45", count: 1 },
    ]);
  });
});
