import autocannon from "autocannon";
import type { Profile } from "./profile";
import { median, percentile, round } from "./stats";

export type LoadOptions = {
  url: string;
  connections: number;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  /** Builds each request afresh (a new idempotency key, the next patient's cookie). */
  setupRequest?: (request: autocannon.Request) => autocannon.Request;
  /** Sees each response's status and headers (its body is buffered only when this is set). */
  onResponse?: (status: number, body: string, context: object, headers: Record<string, unknown>) => void;
  /** Requests per second across all connections; unlimited when absent. */
  overallRate?: number;
};

export type LoadRun = {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  responses: number;
  /** Responses with a status other than 2xx. */
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
};

/** One autocannon run; latencies are every response's own time, so any percentile can be taken. */
export async function loadOnce(opts: LoadOptions, seconds: number, warmup = false): Promise<LoadRun> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: opts.url,
        connections: opts.connections,
        duration: seconds,
        method: opts.method ?? "GET",
        headers: opts.headers,
        overallRate: opts.overallRate,
        requests:
          opts.setupRequest || opts.onResponse
            ? [
                {
                  setupRequest: opts.setupRequest,
                  onResponse: opts.onResponse as autocannon.Request["onResponse"],
                },
              ]
            : undefined,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  const errors = result.errors + result.timeouts;
  if (latencies.length === 0) {
    // A cold server may answer nothing during a short warm-up; a measured run without answers is an error.
    if (!warmup) throw new Error(`No responses from ${opts.url} in ${seconds} s.`);
    return {
      requestsPerSecond: 0,
      p50: NaN,
      p95: NaN,
      p99: NaN,
      responses: 0,
      non2xx: result.non2xx,
      errors,
    };
  }
  return {
    requestsPerSecond: round(latencies.length / result.duration),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    responses: latencies.length,
    non2xx: result.non2xx,
    errors,
  };
}

export type LoadSummary = LoadRun & { runs: LoadRun[]; warmup: LoadRun };

/** Warms up, then runs `profile.runs` times: the median of each figure, and errors summed over the runs. */
export async function measureLoad(profile: Profile, opts: LoadOptions): Promise<LoadSummary> {
  const warmup = await loadOnce(opts, profile.warmupSeconds, true);
  const runs: LoadRun[] = [];
  for (let i = 0; i < profile.runs; i++) runs.push(await loadOnce(opts, profile.seconds));
  const mid = (pick: (run: LoadRun) => number) => round(median(runs.map(pick)));
  return {
    requestsPerSecond: mid((run) => run.requestsPerSecond),
    p50: mid((run) => run.p50),
    p95: mid((run) => run.p95),
    p99: mid((run) => run.p99),
    responses: runs.reduce((sum, run) => sum + run.responses, 0),
    non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    runs,
    warmup,
  };
}
