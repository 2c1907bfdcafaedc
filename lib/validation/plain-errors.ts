import { z } from "zod";

// Words for the checks a schema left without its own message, so that no one reads zod's defaults ("Invalid
// input: expected number, received NaN", "Invalid UUID", "Unrecognized key"). A schema's own `{ error }` always
// wins; these are the fallback. lib/actions/action.ts imports this module, so every action parses with it.

const SHAPE = "This answer is not in the right form. Check it and try again.";
const STALE = "This form is out of date. Reload the page and try again.";

const count = (n: number | bigint) => Number(n).toLocaleString("en-GB");

export function plainMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined || issue.input === null ? "Answer this question." : SHAPE;
    case "invalid_format":
      if (issue.format === "uuid" || issue.format === "guid") return STALE;
      if (issue.format === "email") return "Give a valid email address.";
      if (issue.format === "date" || issue.format === "datetime") return "Give a real date.";
      return SHAPE;
    case "too_big":
      if (issue.origin === "string") return `Keep this under ${count(issue.maximum)} characters.`;
      if (issue.origin === "array" || issue.origin === "set")
        return `Choose at most ${count(issue.maximum)}.`;
      return `This must be at most ${count(issue.maximum)}.`;
    case "too_small":
      if (issue.origin === "string")
        return Number(issue.minimum) <= 1
          ? "Answer this question."
          : `Write at least ${count(issue.minimum)} characters.`;
      if (issue.origin === "array" || issue.origin === "set")
        return `Choose at least ${count(issue.minimum)}.`;
      return `This must be at least ${count(issue.minimum)}.`;
    case "invalid_value":
      return "Choose one of the options given.";
    case "unrecognized_keys":
      return "This form has an answer it does not expect. Reload the page and try again.";
    default:
      return SHAPE;
  }
}

z.config({ customError: plainMessage });
