import { redirect } from "next/navigation";
import { currentUser, homeFor } from "@/lib/dal/session";

// Everyone starts somewhere else: signed-in users at their own area, visitors at sign-in.
export default async function Home() {
  const user = await currentUser();
  redirect(user ? homeFor(user.role) : "/login");
}
