import type { RetentionDecision, ShareDecision, UseDecision } from "@trunkiq/policy-core";
import type { RightDecision } from "@trunkiq/policy-law";
import { Argument, type Command, Option } from "commander";
import type { CliIo } from "../CliIo";
import { dateOption } from "../internal/dates";
import { EXIT } from "../internal/errors";
import { colors, kebab, printJson } from "../internal/output";
import type { PolicyKit } from "../PolicyKit";

type Question = "use" | "share";

/** Adds one option per context field the question reads; returns how to read them back. */
function contextOptions(cmd: Command, kit: PolicyKit, question: Question) {
  const read: ((opts: Record<string, unknown>, ctx: Record<string, unknown>) => void)[] = [];
  for (const [field, spec] of Object.entries(kit.policy.contextFields)) {
    if (!spec.appliesTo.includes(question) || field === "jurisdiction") continue;
    const option =
      spec.kind === "flag"
        ? new Option(`--${kebab(field)}`, spec.description)
        : // A choice that used to be a flag still takes the bare flag, which means `true`.
          new Option(
            `--${kebab(field)} ${spec.flagValues ? "[value]" : "<value>"}`,
            spec.description,
          )
            .choices(spec.values)
            .default(spec.default);
    cmd.addOption(option);
    const key = option.attributeName();
    read.push((opts, ctx) => {
      if (opts[key] !== undefined) ctx[field] = opts[key];
    });
  }
  // No default: where the answer differs by jurisdiction, leaving it out is bad input (exit 2).
  cmd.addOption(
    new Option(
      "--jurisdiction <jurisdiction>",
      "whose law governs the request; required where the answer differs by jurisdiction",
    ).choices(kit.policy.jurisdictions),
  );
  cmd.option("--json", "print the decision as JSON");
  return (opts: Record<string, unknown>) => {
    const ctx: Record<string, unknown> = {};
    if (opts.jurisdiction !== undefined) ctx.jurisdiction = opts.jurisdiction;
    for (const r of read) r(opts, ctx);
    return ctx;
  };
}

function report(
  kit: PolicyKit,
  decision: UseDecision | ShareDecision | RetentionDecision | RightDecision,
  json: boolean | undefined,
  io: CliIo,
): number {
  const invalid = decision.reasons.some((r) => r.code === "invalid-input");
  if (json) printJson(decision, io.stdout);
  else {
    const c = colors(io.stdout, io.env);
    const text = kit.explain(decision);
    const [head = "", ...rest] = text.split("\n");
    const ok = decision.kind === "retention" ? !invalid : decision.allowed;
    io.stdout.write(`${ok ? c.green(head) : c.red(head)}\n${rest.join("\n")}\n`);
  }
  if (invalid) return EXIT.badInput;
  if (decision.kind === "retention") return EXIT.ok;
  return decision.allowed ? EXIT.ok : EXIT.denied;
}

const EXIT_HELP = "\nExit codes: 0 allowed, 1 denied, 2 bad input.";

/** `explain use|share|retention`: one decision with its basis, reasons, sections and obligations. */
export function explainCommand(
  program: Command,
  kit: PolicyKit,
  setExit: (code: number) => void,
  io: CliIo,
) {
  const { policy } = kit;
  const explain = program
    .command("explain")
    .description(
      "explain one decision: its basis, every reason with the policy sentence, obligations",
    );

  const use = explain
    .command("use")
    .description("may a purpose use a data category?")
    .addArgument(
      new Argument("<purpose>", "the purpose of processing").choices(Object.keys(policy.purposes)),
    )
    .addArgument(
      new Argument("<category>", "the data category").choices(Object.keys(policy.categories)),
    );
  const useContext = contextOptions(use, kit, "use");
  use
    .addHelpText(
      "after",
      `${EXIT_HELP}\nExample: trunkiq-policy explain use ${Object.keys(policy.purposes)[0] ?? "<purpose>"} ${Object.keys(policy.categories)[0] ?? "<category>"}`,
    )
    .action((purpose: string, category: string, opts: Record<string, unknown>) => {
      setExit(
        report(kit, kit.canUse(purpose, category, useContext(opts)), opts.json as boolean, io),
      );
    });

  const share = explain
    .command("share")
    .description("may a data category be disclosed to a recipient?")
    .addArgument(
      new Argument("<category>", "the data category").choices(Object.keys(policy.categories)),
    )
    .addArgument(
      new Argument("<recipient>", "the recipient").choices(Object.keys(policy.recipients)),
    );
  const shareContext = contextOptions(share, kit, "share");
  share
    .addHelpText(
      "after",
      `${EXIT_HELP}\nExample: trunkiq-policy explain share ${Object.keys(policy.categories)[0] ?? "<category>"} ${Object.keys(policy.recipients)[0] ?? "<recipient>"}`,
    )
    .action((category: string, recipient: string, opts: Record<string, unknown>) => {
      setExit(
        report(
          kit,
          kit.canShare(category, recipient, shareContext(opts)),
          opts.json as boolean,
          io,
        ),
      );
    });

  explain
    .command("retention")
    .description("until when may a record of a category be kept?")
    .addArgument(
      new Argument("<category>", "the data category").choices(Object.keys(policy.retention)),
    )
    .requiredOption("--collected-at <date>", "when the record was collected (ISO 8601)")
    .option("--relationship-ended-at <date>", "when the customer relationship ended (ISO 8601)")
    .option("--legal-hold", "a legal hold suspends deletion")
    .addOption(
      new Option("--jurisdiction <jurisdiction>", "whose law governs the record")
        .choices(policy.jurisdictions)
        .default(policy.jurisdictions[0]),
    )
    .option("--now <date>", "decide as of this moment instead of the current time (ISO 8601)")
    .option("--json", "print the decision as JSON")
    .addHelpText(
      "after",
      "\nExit codes: 0 decided (kept or expired), 2 bad input.\nExample: trunkiq-policy explain retention <category> --collected-at 2024-01-31 --now 2025-07-07",
    )
    .action((category: string, opts: Record<string, string | boolean | undefined>) => {
      const ctx: Record<string, unknown> = {
        collectedAt: dateOption("--collected-at", opts.collectedAt as string),
        jurisdiction: opts.jurisdiction,
        legalHold: opts.legalHold === true,
      };
      if (typeof opts.relationshipEndedAt === "string") {
        ctx.relationshipEndedAt = dateOption("--relationship-ended-at", opts.relationshipEndedAt);
      }
      if (typeof opts.now === "string") ctx.now = dateOption("--now", opts.now);
      setExit(report(kit, kit.retentionFor(category, ctx), opts.json as boolean, io));
    });

  const { canExercise } = kit;
  if (!canExercise) return;
  explain
    .command("right")
    .description("may a data subject exercise a right over a data category?")
    .addArgument(
      new Argument("<right>", "the data subject right").choices(Object.keys(policy.rights)),
    )
    .addArgument(
      new Argument("<category>", "the data category").choices(Object.keys(policy.categories)),
    )
    .option("--relationship-ended-at <date>", "when the customer relationship ended (ISO 8601)")
    .option("--legal-hold", "a legal hold covers the data")
    .addOption(
      new Option("--jurisdiction <jurisdiction>", "whose law governs the data")
        .choices(policy.jurisdictions)
        .default(policy.jurisdictions[0]),
    )
    .option("--now <date>", "decide as of this moment instead of the current time (ISO 8601)")
    .option("--json", "print the decision as JSON")
    .addHelpText(
      "after",
      `${EXIT_HELP}\nExample: trunkiq-policy explain right ${Object.keys(policy.rights)[0] ?? "<right>"} ${Object.keys(policy.categories)[0] ?? "<category>"}`,
    )
    .action(
      (right: string, category: string, opts: Record<string, string | boolean | undefined>) => {
        const ctx: Record<string, unknown> = {
          jurisdiction: opts.jurisdiction,
          legalHold: opts.legalHold === true,
        };
        if (typeof opts.relationshipEndedAt === "string") {
          ctx.relationshipEndedAt = dateOption("--relationship-ended-at", opts.relationshipEndedAt);
        }
        if (typeof opts.now === "string") ctx.now = dateOption("--now", opts.now);
        setExit(report(kit, canExercise(right, category, ctx), opts.json as boolean, io));
      },
    );
}
