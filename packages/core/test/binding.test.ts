import { describe, expect, it } from "vitest";
import { examplePolicy } from "../../../test-support/fixtures/examplePolicy";
import { Bound, Cleared, createGuards, type DecisionEvent, PolicyViolationError } from "../src";

function recording() {
  const events: DecisionEvent[] = [];
  const guards = createGuards(examplePolicy, { onDecision: (e) => void events.push(e) });
  return { guards, events };
}

describe("Bound", () => {
  const { guards } = recording();
  const orders = guards.bind("fulfilment", "order", [
    { id: "o-1", total: 10 },
    { id: "o-2", total: 250 },
  ]);

  it("reads the very value that was bound", () => {
    const rows = [{ id: "o-3", total: 1 }];
    expect(Bound.read("fulfilment", guards.bind("fulfilment", "order", rows))).toBe(rows);
  });

  it("maps, filters and transforms the value it binds", () => {
    expect(
      Bound.read(
        "fulfilment",
        Bound.map(orders, (o, i) => `${i}:${o.id}`),
      ),
    ).toEqual(["0:o-1", "1:o-2"]);
    expect(
      Bound.read(
        "fulfilment",
        Bound.filter(orders, (o) => o.total > 100),
      ),
    ).toEqual([{ id: "o-2", total: 250 }]);
    expect(
      Bound.read(
        "fulfilment",
        Bound.transform(orders, (list) => list.length),
      ),
    ).toBe(2);
  });

  it("gathers bound items into one bound list, a copy of the items given", () => {
    const items = [
      guards.bind("fulfilment", "order", "o-1"),
      guards.bind("fulfilment", "order", "o-2"),
    ];
    const all = Bound.read("fulfilment", Bound.all(items));
    expect(all).toEqual(["o-1", "o-2"]);
    expect(all).not.toBe(items);
  });
});

describe("clear", () => {
  it("returns the very value when the disclosure is allowed, after one share decision", () => {
    const { guards, events } = recording();
    const rows = ["a@example.com"];
    const cleared = guards.clear("email", "courier", rows);
    expect(Cleared.read("courier", cleared)).toBe(rows);
    expect(events.map((e) => [e.kind, e.category, e.recipient, e.allowed])).toEqual([
      ["share", "email", "courier", true],
    ]);
  });

  it("throws a PolicyViolationError carrying the decision when the disclosure is denied", () => {
    const { guards } = recording();
    let caught: unknown;
    try {
      guards.clear("email", "police", "a@example.com", { subpoena: false });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PolicyViolationError);
    expect((caught as PolicyViolationError).decision).toEqual(
      guards.canShare("email", "police", { subpoena: false }),
    );
  });

  it("throws for a recipient the policy does not declare", () => {
    const { guards } = recording();
    const loose = guards.clear as unknown as (c: unknown, r: unknown, v: unknown) => unknown;
    expect(() => loose("email", "printer", 1)).toThrow(PolicyViolationError);
  });
});
