import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";

type Manifest = { node: Record<string, { filename: string; exportedName: string }> };

/** The id Next.js gave a server action in this build (what a browser sends in the Next-Action header). */
export function actionId(filename: string, exportedName: string): string {
  const manifest = JSON.parse(
    readFileSync(".next/server/server-reference-manifest.json", "utf8"),
  ) as Manifest;
  const found = Object.entries(manifest.node).find(
    ([, entry]) => entry.filename === filename && entry.exportedName === exportedName,
  );
  if (!found) throw new Error(`No server action ${exportedName} of ${filename} in this build.`);
  return found[0];
}

export type ActionRequest = { headers: Record<string, string>; body: Buffer };

/**
 * The POST a browser makes when a `useActionState` form calls `action(previousState, formData)`: React's
 * encodeReply puts the form's fields under the prefix `_1_` and the argument list `[{}, "$K1"]` in field
 * `0`, in a multipart body, with the action's id in the Next-Action header.
 */
export function actionRequest(opts: {
  id: string;
  baseUrl: string;
  cookie: string;
  fields: [string, string][];
}): ActionRequest {
  const boundary = `----bench${randomUUID().replaceAll("-", "")}`;
  const parts = [
    ...opts.fields.map(([name, value]) => [`_1_${name}`, value]),
    ["0", JSON.stringify([{}, "$K1"])],
  ];
  const body = parts
    .map(
      ([name, value]) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
    )
    .join("");
  return {
    headers: {
      "content-type": `multipart/form-data; boundary=${boundary}`,
      "next-action": opts.id,
      accept: "text/x-component",
      origin: opts.baseUrl,
      cookie: opts.cookie,
    },
    body: Buffer.from(`${body}--${boundary}--\r\n`),
  };
}

/** Sends one action request and says where the action redirected (null when it answered the form instead). */
export async function callAction(url: string, request: ActionRequest): Promise<string | null> {
  const response = await fetch(url, {
    method: "POST",
    headers: request.headers,
    body: new Uint8Array(request.body),
  });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`The action at ${url} answered ${response.status}.`);
  return response.headers.get("x-action-redirect");
}
