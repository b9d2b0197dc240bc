import type { Obligation } from "@trunkiq/policy-core";
import type { RightCell, RightsKit } from "./rightsKit";

const done: Readonly<Record<string, string>> = Object.freeze({
  erasure: "erasure",
  rectification: "rectification",
  restriction: "restriction of processing",
});

/**
 * The duty to tell each recipient of the data about its erasure, rectification or restriction
 * (GDPR Art. 19), naming the recipients the declaration's share rules let receive the category;
 * none when no recipient may receive it.
 */
export function notifyRecipients(kit: RightsKit, c: RightCell): readonly Obligation[] {
  const recipients = kit.recipientsOf(c.category);
  const what = done[c.right];
  if (recipients.length === 0 || what === undefined) return [];
  return [
    kit.obligation(
      "notify-recipients",
      `tell each recipient "${c.category}" was disclosed to (of ${recipients.join(", ")}) of its ${what}, unless that proves impossible or involves disproportionate effort, and tell the data subject who they are on request (GDPR Art. 19)`,
      c.right,
    ),
  ];
}
