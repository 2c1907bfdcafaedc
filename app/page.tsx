import { redirect } from "next/navigation";
import { currentUser, landingFor } from "@/lib/dal/session";

// Everyone starts somewhere else: signed-in users at their own area (or the second factor they owe),
// visitors at sign-in.
export default async function Home() {
  const user = await currentUser();
  redirect(user ? landingFor(user) : "/login");
}
