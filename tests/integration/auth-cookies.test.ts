import { describe, expect, it } from "vitest";
import { handlers } from "@/lib/auth";
import { db } from "@/lib/db";
import { CLIENT_ADDRESS_HEADER, trustClientAddressHeader } from "@/scripts/lib/client-address.mjs";
import { FIXTURE_PASSWORD, createClinic } from "../support/fixtures";

// As behind scripts/server.mjs, which records each request's client address.
trustClientAddressHeader();

// The cookies next-auth sets, over HTTPS as in production: the browser's own rules then bind them to this
// host and to secure connections (__Host- and __Secure- prefixes), out of reach of scripts (HttpOnly) and
// of most cross-site requests (SameSite=Lax). The end-to-end server is plain HTTP, so this is checked here,
// against the real handlers.
const ORIGIN = "https://backcare.example";

function setCookies(response: Response): string[] {
  return response.headers.getSetCookie();
}

describe("session cookies over HTTPS", () => {
  it("are prefixed, Secure, HttpOnly and SameSite=Lax, and the session one names a server-side session", async () => {
    const { clinician } = await createClinic();
    const csrfResponse = await handlers.GET(
      new Request(`${ORIGIN}/api/auth/csrf`) as Parameters<typeof handlers.GET>[0],
    );
    const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
    const csrfCookie = setCookies(csrfResponse).find((cookie) =>
      cookie.startsWith("__Host-authjs.csrf-token="),
    )!;
    expect(csrfCookie).toMatch(/; Path=\//);
    expect(csrfCookie).toMatch(/; HttpOnly/);
    expect(csrfCookie).toMatch(/; Secure/);
    expect(csrfCookie).toMatch(/; SameSite=Lax/);
    expect(csrfCookie).not.toMatch(/; Domain=/);

    const signIn = await handlers.POST(
      new Request(`${ORIGIN}/api/auth/callback/credentials`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          cookie: csrfCookie.split(";")[0]!,
          [CLIENT_ADDRESS_HEADER]: "203.0.113.7",
        },
        body: new URLSearchParams({ csrfToken, email: clinician.email, password: FIXTURE_PASSWORD }),
      }) as Parameters<typeof handlers.POST>[0],
    );
    const session = setCookies(signIn).find((cookie) => cookie.startsWith("__Secure-authjs.session-token="));
    expect(session, JSON.stringify(setCookies(signIn))).toBeDefined();
    expect(session).toMatch(/; HttpOnly/);
    expect(session).toMatch(/; Secure/);
    expect(session).toMatch(/; SameSite=Lax/);
    // No cookie without the prefix, which a plain-HTTP page on the same host could set or read.
    expect(setCookies(signIn).some((cookie) => cookie.startsWith("authjs.session-token="))).toBe(false);
    expect(await db.authSession.count({ where: { userId: clinician.id, revokedAt: null } })).toBe(1);
  });
});
