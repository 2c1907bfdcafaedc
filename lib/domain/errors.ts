import type { GuardrailIssue } from "./guardrails";

/**
 * An expected refusal, with a message written for the person who will read it: a guardrail, a stale form, a
 * paused plan. Actions show it on the form; anything that is not a DomainError is unexpected and shown as a
 * generic failure.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly issues: GuardrailIssue[] = [],
  ) {
    super(message);
    this.name = "DomainError";
  }
}
