// Which of the files that mutation testing covers (stryker.config.mjs's `mutate`) have changed since this
// branch left main: `npm test` mutates only those, as a full run takes about ten minutes on 2 cores.
import { execFileSync } from "node:child_process";

/** A `mutate` pattern (`**` for any folders, `*` within a name, a leading `!` to exclude) as a test. */
export function globMatcher(pattern: string): (file: string) => boolean {
  const escape = (text: string) => text.replace(/[.+^${}()|[\]\\?]/g, "\\$&");
  const body = pattern
    .split("**/")
    .map((part) => part.split("*").map(escape).join("[^/]*"))
    .join("(?:.*/)?");
  const regex = new RegExp(`^${body}$`);
  return (file) => regex.test(file);
}

/** The files among `changed` that the patterns select, in their order. */
export function selectTargets(changed: string[], patterns: string[]): string[] {
  const include = patterns.filter((pattern) => !pattern.startsWith("!")).map(globMatcher);
  const exclude = patterns.filter((pattern) => pattern.startsWith("!")).map((p) => globMatcher(p.slice(1)));
  return changed.filter((file) => include.some((test) => test(file)) && !exclude.some((test) => test(file)));
}

function git(...args: string[]): string {
  return execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
}

/**
 * The files changed since the merge base with main, committed or not, including new files git does not
 * ignore, that mutation testing covers. Empty on main itself, or where there is no main to compare with.
 */
export async function changedMutationTargets(): Promise<string[]> {
  let base: string;
  try {
    base = git("merge-base", "HEAD", "main");
  } catch {
    return [];
  }
  const changed = [
    ...git("diff", "--name-only", "--diff-filter=ACMR", base).split("\n"),
    ...git("ls-files", "--others", "--exclude-standard").split("\n"),
  ].filter(Boolean);
  const { default: config } = await import("../../stryker.config.mjs");
  return selectTargets([...new Set(changed)], config.mutate);
}
