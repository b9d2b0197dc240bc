import {
  canExercise,
  canShare,
  canUse,
  containsFullCardNumber,
  retentionCutoff,
  retentionFor,
} from "@trunkiq/privacy-policy";
import {
  canExerciseFloor,
  checkedPairFloor,
  checkedRetentionForFloor,
  containsCardFloor,
  pairFloor,
  retentionCutoffFloor,
  retentionForFloor,
} from "./floors";
import { accessControlPeer, casbinPeer, caslPeer, cedarPeer, type Peer } from "./peers";
import {
  cardRecords,
  cutoffQuestions,
  exerciseQuestions,
  longTexts,
  type PairQuestion,
  retentionQuestions,
  shareWithContext,
  useWithContext,
  useWithoutContext,
} from "./questions";

/** A candidate ready to run: its prepared questions and a function answering one with a number. */
export interface Prepared {
  readonly items: readonly unknown[];
  readonly ask: (item: never) => number;
}

const fromPeer = <T>(peer: Peer<T>, questions: PairQuestion[]): Prepared => ({
  items: questions.map(peer.prepare),
  ask: peer.ask as (item: never) => number,
});

type Q3 = readonly [unknown, unknown, unknown];

/**
 * The floor after checking each context field as an own data property the way the guards must:
 * what that check costs, beside the rest of a guard's work.
 */
export const CHECKED_FLOOR = "floor + own-data check";
const date = (d: Date | null) => (d === null ? -1 : d.getTime());

const pairGroup = (question: "use" | "share", questions: () => PairQuestion[]) => ({
  ours: (): Prepared => ({
    items: questions(),
    ask:
      question === "use"
        ? (q: Q3) => (canUse(q[0] as never, q[1] as never, q[2] as never).allowed ? 1 : 0)
        : (q: Q3) => (canShare(q[0] as never, q[1] as never, q[2] as never).allowed ? 1 : 0),
  }),
  floor: (): Prepared => {
    const floor = pairFloor(question);
    return { items: questions(), ask: (q: Q3) => floor(q[0], q[1], q[2]) };
  },
  [CHECKED_FLOOR]: (): Prepared => {
    const floor = checkedPairFloor(question);
    return { items: questions(), ask: (q: Q3) => floor(q[0], q[1], q[2]) };
  },
  CASL: (): Prepared => fromPeer(caslPeer(question), questions()),
  Cedar: (): Prepared => fromPeer(cedarPeer(question), questions()),
  casbin: async (): Promise<Prepared> => fromPeer(await casbinPeer(question), questions()),
  accesscontrol: (): Prepared => fromPeer(accessControlPeer(question), questions()),
});

type Q2 = readonly [unknown, unknown];

/** Every benchmarked operation and its candidates; `ours` is checked against, `floor` compared with. */
export const groups: Record<string, Record<string, () => Prepared | Promise<Prepared>>> = {
  "canUse without context": pairGroup("use", useWithoutContext),
  "canUse with context": pairGroup("use", useWithContext),
  "canShare with context": pairGroup("share", shareWithContext),
  retentionFor: {
    ours: () => ({
      items: retentionQuestions(),
      ask: (q: Q2) => {
        const d = retentionFor(q[0] as never, q[1] as never);
        return d.until === null ? -1 : d.until.getTime() * 2 + (d.expired ? 1 : 0);
      },
    }),
    floor: () => ({ items: retentionQuestions(), ask: (q: Q2) => retentionForFloor(q[0], q[1]) }),
    [CHECKED_FLOOR]: () => ({
      items: retentionQuestions(),
      ask: (q: Q2) => checkedRetentionForFloor(q[0], q[1]),
    }),
  },
  retentionCutoff: {
    ours: () => ({
      items: cutoffQuestions(),
      ask: (q: Q2) => date(retentionCutoff(q[0] as never, q[1] as never).cutoff),
    }),
    floor: () => ({ items: cutoffQuestions(), ask: (q: Q2) => retentionCutoffFloor(q[0], q[1]) }),
  },
  canExercise: {
    ours: () => ({
      items: exerciseQuestions(),
      ask: (q: Q3) => {
        const d = canExercise(q[0] as never, q[1] as never, q[2] as never);
        return d.allowed ? -2 : date(d.until);
      },
    }),
    floor: () => ({
      items: exerciseQuestions(),
      ask: (q: Q3) => canExerciseFloor(q[0], q[1], q[2]),
    }),
  },
  "containsFullCardNumber 1 KB": {
    ours: () => ({
      items: cardRecords(),
      ask: (r: unknown) => (containsFullCardNumber(r) ? 1 : 0),
    }),
    floor: () => ({ items: cardRecords(), ask: (r: unknown) => containsCardFloor(r) }),
  },
  "containsFullCardNumber 10 MB": {
    ours: () => ({
      items: longTexts(),
      ask: (r: unknown) => (containsFullCardNumber(r) ? 1 : 0),
    }),
    floor: () => ({ items: longTexts(), ask: (r: unknown) => containsCardFloor(r) }),
  },
};

/** The answers of one candidate to its question set, in order. */
export async function answersOf(group: string, candidate: string): Promise<number[]> {
  const make = groups[group]?.[candidate];
  if (!make) throw new Error(`unknown candidate ${candidate} of ${group}`);
  const { items, ask } = await make();
  return items.map((item) => ask(item as never));
}
