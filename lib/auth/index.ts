import NextAuth, { type NextAuthResult } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { endSession, startSession } from "@/lib/dal/auth-sessions";
import { authorizeCredentials } from "./authorize";
import { sessionClaimsSchema } from "./claims";

const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

const nextAuth = NextAuth({
  secret: env.AUTH_SECRET,
  trustHost: env.AUTH_TRUST_HOST,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password" } },
      authorize: authorizeCredentials,
    }),
  ],
  callbacks: {
    // The token keeps only the claims the data access layer checks against the database on every request.
    async jwt({ token, user }) {
      if (user) {
        const signedIn = sessionClaimsSchema.omit({ sid: true }).parse(user);
        return { sub: signedIn.id, ...signedIn, sid: await startSession(signedIn.id) };
      }
      return token;
    },
    // The session object carries the claims and nothing else (no email or name from the token); the data
    // access layer parses it again with the same schema, so its declared type does not matter here.
    session({ session, token }) {
      const claims = sessionClaimsSchema.safeParse(token);
      return {
        expires: session.expires,
        user: claims.success ? claims.data : undefined,
      } as unknown as typeof session;
    },
  },
  events: {
    // next-auth's own POST /api/auth/signout only clears the cookie; revoke the session row too, so that a
    // copy of the cookie is refused like after the app's sign-out button.
    async signOut(message) {
      const claims = sessionClaimsSchema.safeParse("token" in message ? message.token : null);
      if (!claims.success) return;
      await endSession({ id: claims.data.id, clinicId: claims.data.clinicId, sessionId: claims.data.sid });
    },
  },
  logger: {
    // A failed sign-in is an expected outcome with its own message on the form, not a server error.
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin")
        return;
      console.error(error);
    },
  },
});

export { credentialsSchema, SignInRateLimited } from "./authorize";

export const handlers: NextAuthResult["handlers"] = nextAuth.handlers;
export const auth: NextAuthResult["auth"] = nextAuth.auth;
export const signIn: NextAuthResult["signIn"] = nextAuth.signIn;
export const signOut: NextAuthResult["signOut"] = nextAuth.signOut;
