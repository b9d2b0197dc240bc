// The words of docs/benchmarks.md's "Why a budget is not met" sections. bench/run.mjs fills in
// the figures and profiles of the run; only a budget the run did not meet gets its section.

const x = (v) => `${v.toFixed(v >= 10 ? 0 : 2)}×`;
const ms = (v) => `${v.toFixed(1)} ms`;
const top = (profile, n = 3) =>
  profile.functions
    .slice(0, n)
    .map((f) => `\`${f.fn}\` (${(100 * f.share).toFixed(0)} %)`)
    .join(", ");

/** Why a guard is slower than its floor; `m` holds the run's figures and the guard's profile. */
export const guardReasons = {
  "canUse without context": (m) =>
    `The call looks its decision up in two \`Map\`s, as the floor does, then hands it to the audit hook when one is set; the floor returns a number. Allocation: ${m.bytes.toFixed(1)} B/call.`,
  "canUse with context": (m) => contextReason(m),
  "canShare with context": (m) => contextReason(m),
  retentionFor: (m) =>
    `${checkedShare(m)}A decision is a new frozen object holding a new \`Date\` for \`until\` (the floor answers with one number), which is the ${m.bytes.toFixed(0)} B each call allocates; its reasons come from a per-rule cache by deadline. Before any arithmetic the context's six fields are read as own data properties (each found with \`Object.hasOwn\`, an absent one looked for up the prototype chain with \`in\`, a given one checked for a getter with Annex B's \`__lookupGetter__\`, a call into the engine's runtime the floor does not make), each date is read through the intrinsic \`getTime\` inside a \`try\`, so a subclass or a Proxy cannot lie about its time, and every value is validated so bad input is refused by name. The calendar arithmetic itself is the floor's (\`addCalendar\`, \`civilFromDays\`).`,
  retentionCutoff: (m) =>
    `The cutoff is computed in closed form as in the floor; the rest is reading the context as own data properties, building the frozen answer with its \`Date\`; its message is reused from a per-rule cache by cutoff (${m.bytes.toFixed(0)} B/call).`,
  canExercise: (m) =>
    `\`canExercise\` is the rights kit of @trunkiq/policy-law: before the answer is looked up it checks the right, the category and every context field as own data properties (\`checkRightArguments\`, \`ownData\` in the profile), and for erasure computes the retention deadline; the floor reads with \`Object.hasOwn\` and returns a number. ${m.bytes.toFixed(0)} B/call.`,
  "containsFullCardNumber 1 KB": (m) =>
    `The record is walked as own data properties only (no getter runs), keys included; ${m.bytes.toFixed(0)} B/call.`,
};

/** What the own-data check of the context costs, from the checked floor of the same run. */
function checkedShare(m) {
  if (m.checked === null) return "";
  const checked = `The floor, once it checks its context the same way (\`floor + own-data check\` above), takes ${x(m.checked)} the floor's time`;
  return m.checked >= m.ratio
    ? `${checked}, no less than ours at ${x(m.ratio)}: the gap to the budget's floor is that check, which the floor does not make. `
    : `${checked}; the rest of our ${x(m.ratio)} is what follows. `;
}

function contextReason(m) {
  const casl =
    m.vsCasl >= 1
      ? ` CASL takes ${x(1 / m.vsCasl)} our time: its rules match conditions against an object whose properties it reads directly (a getter would run), and the benchmark prepares its contexts with defaults filled in outside the timed loop; a guard must refuse a field given through a getter or a prototype, so it cannot read that way.`
      : "";
  return `${checkedShare(m)}Every call reads each of the ${m.fields} context fields the question knows, whichever the pair needs, so a field with a wrong value is refused even where it would not change the answer: an absent field costs one \`in\` lookup, a given one is checked to be an own data property with \`Object.hasOwn\` and Annex B's \`__lookupGetter__\` before it is read. That check is a call into the engine's runtime that the floor, which reads \`ctx[name]\` after \`Object.hasOwn\`, does not make; it allocates nothing (${m.bytes.toFixed(1)} B/call), where the property descriptor it replaced allocated about 96 B per given field. A Proxy, the one object that can observe how it is read, is still read through one descriptor per field.${casl}`;
}

/** Why importing the guards costs more than twice CASL's import. */
export function importReason(m) {
  return `Of the ${ms(m.ours)} over an empty Node start, importing core alone takes ${ms(m.core)}; CASL takes ${ms(m.casl)}. \`import("@trunkiq/privacy-policy")\` loads ${m.files} files and evaluates the deep-frozen declaration and \`createGuards\`, which makes one empty slot per pair (a pair's decision table is built on its first question); the rights, transfer and age guards are built on their first call. CASL builds nothing until an ability is created. Profile of the import (\`node --cpu-prof\`, one process, idle time left out); the top functions: ${top(m.profile)}.`;
}

/** Why the retention sweep is slower than its floor. */
export function sweepReason(m) {
  return `The floor streams, parses, compares each row with a cutoff per (category, jurisdiction) and writes; the CLI produces the same bytes through the library's record reading and retention decisions. Profile of \`trunkiq-policy retention sweep\` on the same ${m.rows.toLocaleString("en-US")} ${m.format.toUpperCase()} rows; the top functions: ${top(m.profile)}.`;
}
