// Patient-facing guidance from the source document, in one place so every page says the same thing.

export const SESSION_RULES = [
  "Warm up first.",
  "Go at your own pace: go slowly.",
  "Use slow, controlled movements. Form comes before speed.",
  "Stop immediately if anything makes the pain worse or makes it spread.",
  "This is not the time to compete, with others or with yourself.",
  "Take a rest day if light exercise aggravates the pain.",
] as const;

export const LIFESTYLE_TIPS = [
  {
    title: "Shoes",
    text: "Wear supportive, cushioned shoes: every step loads your back with 2.1 to 4.3 times your body weight.",
  },
  {
    title: "Sleep",
    text: "Notice how you sleep; a position that keeps your spine in line can ease morning pain.",
  },
  { title: "Posture", text: "Keep an eye on your posture through the day, standing and sitting." },
  { title: "Sitting", text: "Break up long spells of sitting with a short walk or a gentle stretch." },
] as const;

export const DISCLAIMER =
  "This guidance does not replace professional medical advice. Always follow your doctor's and physiotherapist's instructions.";
