import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy";

describe("passwordProblem", () => {
  it.each([
    ["11 characters", "abcdefghijk", "Use at least 12 characters."],
    ["12 characters", "river glass9", null],
    ["128 characters", "a".repeat(120) + "bcdefghi", null],
    ["129 characters", "x".repeat(129), "Use at most 128 characters."],
    [
      "a common password",
      "password1234",
      "That password is too common and easy to guess. Try a few unrelated words.",
    ],
    [
      "a common password in capitals",
      "QWERTY123456",
      "That password is too common and easy to guess. Try a few unrelated words.",
    ],
    ["a passphrase with no digits or symbols", "gentle morning walks", null],
  ])("%s", (_label, password, expected) => {
    expect(passwordProblem(password)).toBe(expected);
  });

  it("refuses a password containing the email's name", () => {
    expect(passwordProblem("sam.rivera-rocks", { email: "sam.rivera@example.test" })).toBe(
      "Choose a password that does not contain your email address.",
    );
  });
});
