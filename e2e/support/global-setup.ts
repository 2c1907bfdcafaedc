import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startMailbox } from "../../tests/support/mailbox";

// The suite's mail server: the app under test sends to it (SMTP_URL in playwright.config.ts), and each
// message is written as a JSON file to E2E_MAILBOX_DIR, where the tests' workers read it (./mailbox.ts).
export default async function globalSetup() {
  const dir = process.env.E2E_MAILBOX_DIR!;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let count = 0;
  const mailbox = await startMailbox({
    port: Number(process.env.E2E_SMTP_PORT),
    onMessage: (message) => {
      count += 1;
      writeFileSync(path.join(dir, `${String(count).padStart(6, "0")}.json`), JSON.stringify(message));
    },
  });
  return () => mailbox.close();
}
