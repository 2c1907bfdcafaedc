export const DEMO_PASSWORD = "demo-password";

/** The `name=value` pairs of a response's Set-Cookie headers. */
function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
}

/**
 * Signs in through next-auth's credentials endpoint, as the login form's server action does, and returns
 * the session cookie (`authjs.session-token=…`). The session is a real AuthSession row, checked by the data
 * access layer on every request. Then asks for the account's home page to be sure it is usable.
 */
export async function signIn(baseUrl: string, email: string, home: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf).join("; ") },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD, csrfToken, callbackUrl: baseUrl }),
  });
  const cookie = cookiesOf(response).find((pair) => pair.startsWith("authjs.session-token="));
  if (!cookie)
    throw new Error(
      `Signing in as ${email} failed (${response.status} ${response.headers.get("location")}).`,
    );
  const page = await fetch(`${baseUrl}${home}`, { headers: { cookie }, redirect: "manual" });
  await page.arrayBuffer();
  if (page.status !== 200) {
    throw new Error(
      `${email} signed in, but ${home} answered ${page.status} ${page.headers.get("location") ?? ""}.`,
    );
  }
  return cookie;
}

/**
 * Signs many accounts in, a few at a time: each sign-in verifies a scrypt hash, which takes a core for a
 * fraction of a second.
 */
export async function signInAll(
  baseUrl: string,
  emails: string[],
  home: string,
): Promise<Map<string, string>> {
  const cookies = new Map<string, string>();
  const queue = [...emails];
  const worker = async () => {
    for (let email = queue.shift(); email; email = queue.shift())
      cookies.set(email, await signIn(baseUrl, email, home));
  };
  await Promise.all(Array.from({ length: 3 }, worker));
  return cookies;
}
