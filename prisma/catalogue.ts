// The global exercise catalogue, from the source document: six gentle, low-impact exercises that keep the
// back aligned, and six that bend, twist or heavily load it, each with its safer alternative. Safety is not
// written here: it is derived from the movement attributes.
import type { ExerciseCategory } from "../generated/prisma/enums";
import type { MovementAttributes } from "../lib/domain/exercise-safety";

export type CatalogueEntry = {
  slug: string;
  name: string;
  category: ExerciseCategory;
  summary: string;
  instructions: string;
  formCues: string[];
  attributes: Partial<MovementAttributes>;
  warmUp?: boolean;
  safetyReason?: string;
  saferAlternatives?: string[];
};

export const SAFE_EXERCISES: CatalogueEntry[] = [
  {
    slug: "walking",
    name: "Walking",
    category: "AEROBIC",
    summary: "Easy walking on level ground in supportive, cushioned shoes.",
    instructions:
      "Walk on flat, even ground at a pace where you can still hold a conversation. Start with a few minutes and build up slowly over the weeks. Wear supportive, cushioned shoes: every step sends two to four times your body weight through your back.",
    formCues: [
      "Stand tall, eyes ahead",
      "Let your arms swing naturally",
      "Short, even steps",
      "Stop if the pain spreads",
    ],
    attributes: {},
    warmUp: true,
  },
  {
    slug: "swimming",
    name: "Swimming",
    category: "AEROBIC",
    summary: "Gentle lengths in the pool; the water carries your weight.",
    instructions:
      "Swim slow, easy lengths with a relaxed stroke such as backstroke or an easy freestyle. Rest at the wall whenever you need to. Avoid strokes that arch your back hard, and get out if anything makes the pain worse.",
    formCues: [
      "Keep your body long and level",
      "Breathe out slowly into the water",
      "Slow, smooth strokes",
      "Rest at the wall between lengths",
    ],
    attributes: {},
  },
  {
    slug: "light-yoga",
    name: "Light yoga",
    category: "FLEXIBILITY",
    summary: "Gentle, supported poses that keep the spine in line.",
    instructions:
      "Move slowly into gentle poses such as cat-cow, child's pose and supported bridge. Hold each pose only as far as it stays comfortable, and come out of any pose that makes the pain sharper or spread.",
    formCues: [
      "Move with your breath",
      "Keep the spine long, no deep bends or twists",
      "Comfort, not stretch, is the goal",
      "Use a cushion or block for support",
    ],
    attributes: {},
  },
  {
    slug: "light-stretching",
    name: "Light stretching",
    category: "FLEXIBILITY",
    summary: "Slow stretches for the hips, hamstrings and lower back.",
    instructions:
      "Lying on your back, gently draw one knee towards your chest, then the other; add a lying hamstring stretch with a towel around your foot. Hold each stretch for 20 to 30 seconds without bouncing, breathing slowly.",
    formCues: [
      "Stretch to mild tension, never pain",
      "No bouncing",
      "Keep breathing",
      "Keep your lower back supported on the floor",
    ],
    attributes: {},
    warmUp: true,
  },
  {
    slug: "light-strength-training",
    name: "Light strength training",
    category: "STRENGTH",
    summary: "Low-load exercises for the core, hips and legs.",
    instructions:
      "Use your body weight or very light weights: glute bridges, wall sits, bird-dogs and side-lying leg raises. Do each movement slowly with full control, and stop the set while your form is still good.",
    formCues: [
      "Brace your stomach gently before you move",
      "Slow and controlled, form before speed",
      "Keep a neutral spine",
      "Stop the set before form slips",
    ],
    attributes: {},
  },
  {
    slug: "upright-bicycling",
    name: "Upright or recumbent bicycling",
    category: "AEROBIC",
    summary: "Easy pedalling sitting upright or reclined, on a stationary bike or a recumbent.",
    instructions:
      "Set the seat so your knee is only slightly bent at the bottom of the stroke, sit upright or reclined with your back supported, and pedal at an easy resistance. Build the time up gradually.",
    formCues: [
      "Sit tall, do not hunch forward",
      "Light resistance",
      "Smooth, even pedalling",
      "Adjust the seat before you start",
    ],
    attributes: {},
  },
];

export const AVOID_EXERCISES: CatalogueEntry[] = [
  {
    slug: "heavy-strength-training",
    name: "Heavy strength training",
    category: "STRENGTH",
    summary: "Heavy lifts such as deadlifts, squats with a loaded bar and overhead presses.",
    instructions: "Not prescribed while the back is painful.",
    formCues: [],
    attributes: { heavySpinalLoad: true },
    safetyReason: "Heavy lifting loads the spine heavily and can worsen a back injury.",
    saferAlternatives: ["light-strength-training"],
  },
  {
    slug: "golf",
    name: "Golf",
    category: "SPORT",
    summary: "The golf swing and a round of golf.",
    instructions: "Not prescribed while the back is painful.",
    formCues: [],
    attributes: { twisting: true, competitive: true },
    safetyReason:
      "The swing twists the lower back forcefully, and competition invites pushing past a safe pace.",
    saferAlternatives: ["walking", "swimming"],
  },
  {
    slug: "running",
    name: "Running",
    category: "AEROBIC",
    summary: "Jogging and running.",
    instructions: "Not prescribed while the back is painful.",
    formCues: [],
    attributes: { highImpact: true },
    safetyReason: "Each running stride sends a high impact through the spine.",
    saferAlternatives: ["walking"],
  },
  {
    slug: "aggressive-yoga",
    name: "Aggressive yoga",
    category: "FLEXIBILITY",
    summary: "Vigorous or power yoga with deep forward folds, twists and backbends.",
    instructions: "Not prescribed while the back is painful.",
    formCues: [],
    attributes: { forwardBend: true, twisting: true },
    safetyReason: "Deep folds and twists bend and twist the lower back under strain.",
    saferAlternatives: ["light-yoga"],
  },
  {
    slug: "road-bicycling",
    name: "Road bicycling (forward position)",
    category: "AEROBIC",
    summary: "Cycling bent forward over drop handlebars.",
    instructions: "Not prescribed while the back is painful.",
    formCues: [],
    attributes: { forwardBend: true },
    safetyReason: "The forward riding position holds the lower back bent for the whole ride.",
    saferAlternatives: ["upright-bicycling"],
  },
  {
    slug: "forward-bends",
    name: "Forward-bend motions (sit-ups, toe touches)",
    category: "FLEXIBILITY",
    summary: "Sit-ups, crunches, toe touches and other bends forward at the waist.",
    instructions: "Not prescribed while the back is painful.",
    formCues: [],
    attributes: { forwardBend: true },
    safetyReason: "Bending forward at the waist strains the discs and muscles of the lower back.",
    saferAlternatives: ["light-stretching"],
  },
];

export const CATALOGUE: CatalogueEntry[] = [...SAFE_EXERCISES, ...AVOID_EXERCISES];
