import { describe, expect, it } from "vitest";
import { createGuards } from "../src";
import { createSchemas, definePolicy } from "../src/schemas";
import { declarationWith, REMOVE } from "./support/declarationWith";

// `channel` gains a third value; `by-phone` holds for two of them, and `true`/`false` stand for
// "phone" and "web", as if the field had been a flag called `byPhone` before.
const policy = definePolicy(
  declarationWith({
    "contextFields.channel.values": ["web", "phone", "fax"],
    "contextFields.channel.flagValues": { true: "phone", false: "web" },
    "conditions.by-phone.equals": REMOVE,
    "conditions.by-phone.oneOf": ["phone", "fax"],
  }) as never,
);
const { canUse } = createGuards(policy);
const ask = (channel: unknown) =>
  canUse("newsletter" as never, "order" as never, { consent: true, channel } as never);

describe("a condition that holds for one of several values (oneOf)", () => {
  it("holds for each listed value and for no other", () => {
    expect(ask("web").allowed).toBe(true);
    expect(ask("phone").allowed).toBe(false);
    expect(ask("fax").allowed).toBe(false);
  });

  it("names every value it holds for when it decides", () => {
    expect(ask("fax").reasons[0]).toMatchObject({ code: "condition-unmet", section: "§3" });
  });

  it("reports the values in the reason of a rule that requires it", () => {
    const requiring = definePolicy(
      declarationWith({
        "contextFields.channel.values": ["web", "phone", "fax"],
        "conditions.by-phone.equals": REMOVE,
        "conditions.by-phone.oneOf": ["phone", "fax"],
        "purposes.newsletter.uses.order": { when: ["by-phone"] },
      }) as never,
    );
    const decision = createGuards(requiring).canUse("newsletter" as never, "order" as never);
    expect(decision.reasons[0]?.message).toContain('(channel = "phone" or "fax")');
  });
});

describe("a choice that used to be a flag (flagValues)", () => {
  it("takes true and false as the values they stand for", () => {
    expect(ask(true)).toEqual(ask("phone"));
    expect(ask(false)).toEqual(ask("web"));
  });

  it("refuses any other value, listing true and false among those it takes", () => {
    const decision = ask(1);
    expect(decision.reasons[0]?.code).toBe("invalid-input");
    expect(decision.reasons[0]?.message).toBe(
      'context field "channel" must be "web" | "phone" | "fax" | true | false, got 1',
    );
  });

  it("lets the derived context schema accept the flag too", () => {
    const { useContextSchema } = createSchemas(policy);
    expect(useContextSchema.parse({ channel: true })).toEqual({ channel: true });
    expect(useContextSchema.safeParse({ channel: 1 }).success).toBe(false);
  });

  it("leaves a choice without flagValues refusing booleans", () => {
    const plain = createGuards(examplePolicyWithFax());
    const decision = plain.canUse(
      "newsletter" as never,
      "order" as never,
      {
        channel: true,
      } as never,
    );
    expect(decision.reasons[0]?.code).toBe("invalid-input");
  });
});

function examplePolicyWithFax() {
  return definePolicy(
    declarationWith({ "contextFields.channel.values": ["web", "phone", "fax"] }) as never,
  );
}
