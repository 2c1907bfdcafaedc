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

export const SESSION_GUIDANCE = {
  STOP_AND_REST: {
    title: "Stop now and rest",
    text: "Your pain got worse or spread. Stop exercising for today and rest. Your clinician has been told and will be in touch. If you cannot walk, have tingling or numbness, or cannot control your bladder or bowels, seek immediate medical attention.",
  },
  REST_DAY: {
    title: "Take a rest day",
    text: "Your pain rose during this session. Light exercise should not aggravate it: take a rest day before the next session, and tell your clinician if it happens again.",
  },
  SORENESS: {
    title: "About soreness",
    text: "Soreness that feels like the day after a new workout is normal. Massage, gentle stretching and light activity help it ease. Stay cautious: if it turns into pain, or the pain spreads, stop and tell your clinician.",
  },
} as const;
