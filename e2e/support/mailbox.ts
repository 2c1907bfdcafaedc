import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import type { Message } from "../../tests/support/mailbox";

export { clinicalDetailsIn, linksIn, type Message } from "../../tests/support/mailbox";

// What the suite's mail server received (./global-setup.ts), one JSON file a message, in arrival order.
function messagesTo(recipient: string): Message[] {
  const dir = process.env.E2E_MAILBOX_DIR!;
  return readdirSync(dir)
    .sort()
    .map((file) => JSON.parse(readFileSync(path.join(dir, file), "utf8")) as Message)
    .filter((message) => message.to.includes(recipient.toLowerCase()));
}

/** The `nth` message (1 = the first) to `recipient`, once it has arrived. */
export async function mailTo(recipient: string, nth = 1): Promise<Message> {
  await expect
    .poll(() => messagesTo(recipient).length, { message: `mail to ${recipient}`, timeout: 10_000 })
    .toBeGreaterThanOrEqual(nth);
  return messagesTo(recipient)[nth - 1]!;
}

/** How many messages `recipient` has received so far. */
export const mailCount = (recipient: string) => messagesTo(recipient).length;
