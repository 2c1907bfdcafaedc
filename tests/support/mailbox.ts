import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

// A real SMTP server on 127.0.0.1 for tests: the app's nodemailer transport talks to it as to any mail
// server, and each message is parsed with mailparser, so a test asserts what a person would receive.

export type Message = {
  /** The envelope's recipients, lower-case: who the message was actually delivered to. */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
};

export type Mailbox = {
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  url: string;
  port: number;
  messages: Message[];
  /** The first message to `recipient` not yet taken by an earlier call; waits up to `timeoutMs` for it. */
  next(recipient: string, timeoutMs?: number): Promise<Message>;
  /** Every message to `recipient` so far, taken or not. */
  to(recipient: string): Message[];
  close(): Promise<void>;
};

/** The links in a message's text, without the punctuation of the sentence around them. */
export function linksIn(message: Message): string[] {
  return [...message.text.matchAll(/https?:\/\/\S+/g)].map((match) => match[0].replace(/[.,;:)]+$/, ""));
}

/** Listens on `port` (0: any free port); `onMessage` sees each message as it arrives. */
export async function startMailbox({
  port = 0,
  onMessage,
}: { port?: number; onMessage?: (message: Message) => void } = {}): Promise<Mailbox> {
  const messages: Message[] = [];
  const taken = new Set<Message>();
  const waiters = new Set<() => unknown>();
  const server = new SMTPServer({
    // Plain SMTP on the loopback interface, as a local relay: no STARTTLS offered, no login asked.
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    logger: false,
    size: 1_000_000,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const message: Message = {
            to: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()),
            from: typeof session.envelope.mailFrom === "object" ? session.envelope.mailFrom.address : "",
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
          };
          messages.push(message);
          onMessage?.(message);
          for (const wake of waiters) wake();
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const { port: bound } = server.server.address() as AddressInfo;
  const addressedTo = (recipient: string) =>
    messages.filter((message) => message.to.includes(recipient.toLowerCase()));

  return {
    url: `smtp://127.0.0.1:${bound}`,
    port: bound,
    messages,
    to: addressedTo,
    next(recipient, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = addressedTo(recipient).find((message) => !taken.has(message));
          if (!found) return false;
          taken.add(found);
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`No message to ${recipient} within ${timeoutMs} ms`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

// Words that would mean health data reached a mailbox: symptoms, pain, notes, exercises of a plan.
const CLINICAL =
  /\bpain\b|symptom|numb|tingl|bladder|bowel|red flag|\bnotes?\b|walking|stretch|swim|session log/i;

/** The clinical details found in a message: the words above, and any of `details` (a test's own data). */
export function clinicalDetailsIn(message: Message, details: string[] = []): string[] {
  const body = `${message.subject}\n${message.text}\n${message.html}`;
  return [
    ...(body.match(CLINICAL) ?? []),
    ...details.filter((detail) => body.toLowerCase().includes(detail.toLowerCase())),
  ];
}
