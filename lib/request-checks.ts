// Checks on a request's raw input that proxy.ts runs before anything reads it, and the limits they hold.
// No imports: next.config.ts reads the body limit from here too, so that Next's own server-action limit and
// this one are the same number.

/** PostgreSQL cannot store it in text, and no one types it: a NUL in a query or a form field is refused. */
export const NUL = "\u0000";
export const NUL_REFUSAL =
  "One of the answers holds an invisible character (NUL) that cannot be saved. Retype it and send the form again.";

/**
 * The largest request body accepted. The largest real form, a plan of 12 exercises with a 500-character note
 * each, is under 40 kB even with every character taking 4 bytes; the default of server actions is 1 MB.
 */
export const REQUEST_BODY_MAX_BYTES = 256 * 1024;

export function queryHasNul(params: URLSearchParams): boolean {
  for (const [key, value] of params) if (key.includes(NUL) || value.includes(NUL)) return true;
  return false;
}

/**
 * The body's bytes, or "too large" past `max` bytes, whether or not a Content-Length announced it: a chunked
 * body is counted as it is read, and reading stops at the first byte over.
 */
export async function readBodyWithin(
  body: ReadableStream<Uint8Array>,
  max: number,
): Promise<Uint8Array<ArrayBuffer> | "too large"> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      // Not awaited: cancelling one branch of a cloned (teed) body settles only once the other is cancelled too.
      void reader.cancel().catch(() => undefined);
      return "too large";
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function jsonHasNul(value: unknown): boolean {
  if (typeof value === "string") return value.includes(NUL);
  if (Array.isArray(value)) return value.some(jsonHasNul);
  if (value !== null && typeof value === "object")
    return Object.entries(value).some(([key, inner]) => key.includes(NUL) || jsonHasNul(inner));
  return false;
}

/**
 * Whether a body holds a NUL in any field, read as its Content-Type says: a urlencoded or multipart form
 * (field names, values and file names, never a file's contents), or text such as the JSON that a server
 * action sends when its arguments are not a form. A multipart body that cannot be parsed is scanned byte by
 * byte: Backcare has no file uploads, so a zero byte there can only be a field's.
 */
export async function bodyHasNul(bytes: Uint8Array<ArrayBuffer>, contentType: string): Promise<boolean> {
  const text = new TextDecoder().decode(bytes);
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  if (type === "application/x-www-form-urlencoded") return queryHasNul(new URLSearchParams(text));
  if (type === "multipart/form-data") {
    try {
      const form = await new Response(bytes, { headers: { "content-type": contentType } }).formData();
      for (const [key, value] of form)
        if (key.includes(NUL) || (typeof value === "string" ? value : value.name).includes(NUL)) return true;
      return false;
    } catch {
      return bytes.includes(0);
    }
  }
  if (text.includes(NUL)) return true;
  try {
    return jsonHasNul(JSON.parse(text));
  } catch {
    return false;
  }
}
