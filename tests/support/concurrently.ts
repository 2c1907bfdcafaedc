/** One call's outcome: what it returned, or what it threw. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Runs `count` calls at once, as racing requests from several tabs, retries or app servers would arrive,
 * and waits for all of them. `call` gets the call's index, to act as a different user or send different
 * input. Every call is set up first and then released together, so none gets a head start. Never rejects:
 * returns each call's outcome, in index order, for the test to assert on all of them.
 */
export async function concurrently<T>(
  count: number,
  call: (index: number) => Promise<T>,
): Promise<Outcome<T>[]> {
  let release!: () => void;
  const start = new Promise<void>((resolve) => (release = resolve));
  const calls = Array.from({ length: count }, async (_unused, index): Promise<Outcome<T>> => {
    await start;
    try {
      return { ok: true, value: await call(index) };
    } catch (error) {
      return { ok: false, error };
    }
  });
  release();
  return Promise.all(calls);
}

/** The values of calls that must all have succeeded; throws with every error otherwise. */
export function values<T>(outcomes: Outcome<T>[]): T[] {
  const failed = outcomes.flatMap((outcome, index) => (outcome.ok ? [] : [{ index, error: outcome.error }]));
  if (failed.length > 0) {
    const lines = failed.map(
      ({ index, error }) => `call ${index}: ${error instanceof Error ? error.message : String(error)}`,
    );
    throw new AggregateError(
      failed.map(({ error }) => error),
      `${failed.length} of ${outcomes.length} concurrent calls failed:\n${lines.join("\n")}`,
    );
  }
  return outcomes.map((outcome) => (outcome as { value: T }).value);
}

/** The errors of the calls that failed, in index order. */
export function errors<T>(outcomes: Outcome<T>[]): unknown[] {
  return outcomes.flatMap((outcome) => (outcome.ok ? [] : [outcome.error]));
}
