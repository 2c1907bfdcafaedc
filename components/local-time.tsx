"use client";

import { useSyncExternalStore } from "react";

const utc = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
const local = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium" });
const noChanges = () => () => {};

/**
 * A moment in the reader's own time zone. The server does not know it, so the page first shows UTC (and
 * says so), and the browser swaps in local time once it has hydrated, without a mismatch.
 */
export function LocalTime({ at }: { at: Date }) {
  const inBrowser = useSyncExternalStore(
    noChanges,
    () => true,
    () => false,
  );
  return <time dateTime={at.toISOString()}>{inBrowser ? local.format(at) : `${utc.format(at)} UTC`}</time>;
}
