import "server-only";

// Work a response must not wait for, because how long it takes would tell something: a password reset
// request looks an account up and e-mails it only when the address has one. The app runs as a long-lived
// Node.js server (next start), so the work carries on after the response; a failure is logged, never thrown.

const running = new Set<Promise<void>>();

export function inBackground(label: string, task: () => Promise<void>): void {
  const work = Promise.resolve()
    .then(task)
    .catch((error: unknown) => console.error(`[${label}]`, error))
    .finally(() => running.delete(work));
  running.add(work);
}

/** Resolves once the background work started so far has finished (tests wait for it). */
export async function backgroundSettled(): Promise<void> {
  while (running.size) await Promise.all(running);
}
