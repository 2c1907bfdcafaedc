import { describe, expect, it } from "vitest";
import { z } from "zod";
import "./plain-errors";
import { patientIdSchema, reassignSchema } from "./onboarding";
import { patientDetailsSchema } from "./patient-details";
import { sessionLogInputSchema } from "./session-log";

// zod's own words, which no one using Backcare should read.
const TECHNICAL =
  /invalid input|invalid uuid|expected|received|unrecognized|too big|too small|nan\b|undefined/i;

const messages = (schema: z.ZodType, input: unknown) =>
  (schema.safeParse(input).error?.issues ?? []).map((issue) => issue.message);

describe("validation messages are plain language", () => {
  it.each([
    [
      "a forged patient id",
      patientIdSchema,
      { patientId: "' or 1=1" },
      "This form is out of date. Reload the page and try again.",
    ],
    [
      "an extra field",
      patientIdSchema,
      { patientId: crypto.randomUUID(), clinicId: "x" },
      "This form has an answer it does not expect. Reload the page and try again.",
    ],
    ["a missing field", reassignSchema, { patientId: crypto.randomUUID() }, "Choose a clinician."],
    [
      "a plan version that is not a number",
      sessionLogInputSchema.pick({ planVersion: true }),
      { planVersion: "abc" },
      "This form is out of date. Reload the page and try again.",
    ],
    [
      "notes that are not text",
      sessionLogInputSchema.pick({ notes: true }),
      { notes: 5 },
      "Write the notes as text.",
    ],
    [
      "an unknown exercise",
      sessionLogInputSchema.pick({ exerciseIds: true }),
      { exerciseIds: ["walking"] },
      "One of the exercises was not recognised. Reload the page and try again.",
    ],
  ])("%s", (_case, schema, input, message) => {
    expect(messages(schema as z.ZodType, input)).toEqual([message]);
  });

  it("never shows zod's defaults for any field of the patient details form", () => {
    const all = messages(patientDetailsSchema, {
      patientId: 1,
      dateOfBirth: 2,
      phone: 3,
      preferredContact: 4,
      externalRecordNumber: 5,
      referralReason: 6,
      emergencyContactName: 7,
      emergencyContactRelationship: 8,
      emergencyContactPhone: 9,
      other: 10,
    });
    expect(all.length).toBeGreaterThan(5);
    for (const message of all) expect(message).not.toMatch(TECHNICAL);
  });

  it("falls back to plain words where a schema gave none", () => {
    const bare = z.object({ n: z.number().max(3), s: z.string().max(2), e: z.enum(["A"]) }).strict();
    const found = messages(bare, { n: 4, s: "abc", e: "B" });
    expect(found).toEqual([
      "This must be at most 3.",
      "Keep this under 2 characters.",
      "Choose one of the options given.",
    ]);
    for (const message of messages(bare, {})) expect(message).not.toMatch(TECHNICAL);
  });
});
