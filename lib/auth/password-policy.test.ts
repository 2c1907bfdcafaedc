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

  const containsEmail = "Choose a password that does not contain your email address.";
  it.each([
    ["contains the email's name", "sam.rivera-rocks", "sam.rivera@example.test", containsEmail],
    ["contains it in capitals", "SAM.RIVERA-rocks", "sam.rivera@example.test", containsEmail],
    ["contains a name typed in capitals", "sam.rivera-rocks", "Sam.Rivera@Example.test", containsEmail],
    ["shares only letters with the email", "gentle morning walks", "robin.patel@example.test", null],
  ])("a password that %s", (_label, password, email, expected) => {
    expect(passwordProblem(password, { email })).toBe(expected);
  });
});
