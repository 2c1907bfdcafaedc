import { EventEmitter } from "node:events";
import pg from "pg";
import { ALERT_CHANNEL, relayOutbox, type AlertNotification } from "./relay";

const RELAY_INTERVAL_MS = 1000;
const RECONNECT_MS = 1000;

/**
 * One per app process: a dedicated connection LISTENing for alert notifications, fanned out in memory to this
 * process's open streams, and a relay loop that publishes the outbox. Every process runs both, so alerts
 * reach clinicians connected to any process.
 */
export class RealtimeHub extends EventEmitter {
  private listener: pg.Client | null = null;
  private relayTimer: NodeJS.Timeout | null = null;
  private relaying: Promise<void> | null = null;
  private kicked = false;
  private stopped = false;
  private readonly pool: pg.Pool;

  constructor(private readonly connectionString: string) {
    super();
    this.setMaxListeners(0);
    this.pool = new pg.Pool({ connectionString, max: 2 });
    this.pool.on("error", () => {});
  }

  start(): this {
    if (this.relayTimer) return this;
    this.stopped = false;
    void this.listen();
    this.relayTimer = setInterval(() => void this.kick(), RELAY_INTERVAL_MS);
    this.relayTimer.unref();
    return this;
  }

  /**
   * Publishes waiting outbox rows now, instead of on the next tick: called right after an alert commits.
   * Resolves when the relay run it joined ends. A kick during a run makes that run go round once more: the
   * run may have read the outbox before the caller's commit.
   */
  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.kicked = true;
    this.relaying ??= this.relay().finally(() => {
      this.relaying = null;
      // Kicked between the run's last look at the flag and now.
      if (this.kicked) void this.kick();
    });
    return this.relaying;
  }

  private async relay(): Promise<void> {
    try {
      while (this.kicked && !this.stopped) {
        this.kicked = false;
        let published: number;
        do published = await relayOutbox(this.pool);
        while (published > 0 && !this.stopped);
      }
    } catch (error) {
      this.kicked = false;
      console.error("[realtime] relay failed; retrying on the next tick", error);
    }
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.connectionString });
    this.listener = client;
    const reconnect = () => {
      if (this.listener !== client) return;
      this.listener = null;
      client.end().catch(() => {});
      if (!this.stopped) setTimeout(() => void this.listen(), RECONNECT_MS).unref();
    };
    client.on("error", reconnect);
    client.on("end", reconnect);
    client.on("notification", (message) => {
      if (message.channel !== ALERT_CHANNEL || !message.payload) return;
      try {
        this.emit("alert", JSON.parse(message.payload) as AlertNotification);
      } catch {
        // A malformed payload is not ours; the streams' poll still finds every real delivery.
      }
    });
    try {
      await client.connect();
      await client.query(`listen ${ALERT_CHANNEL}`);
    } catch {
      reconnect();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.relayTimer) clearInterval(this.relayTimer);
    this.relayTimer = null;
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => {});
    await this.relaying;
    await this.pool.end().catch(() => {});
  }
}

const globalForHub = globalThis as unknown as { backcareRealtimeHub?: RealtimeHub };

/** This process's hub, started on first use. */
export function realtimeHub(connectionString: string): RealtimeHub {
  globalForHub.backcareRealtimeHub ??= new RealtimeHub(connectionString);
  return globalForHub.backcareRealtimeHub.start();
}

/** Stops this process's hub and forgets it (at shutdown, or between tests); the next realtimeHub() makes another. */
export async function stopRealtimeHub(): Promise<void> {
  const hub = globalForHub.backcareRealtimeHub;
  globalForHub.backcareRealtimeHub = undefined;
  await hub?.stop();
}
