import { afterEach, describe, expect, it, vi } from "vitest";
import { processIo } from "../src/CliIo";
import { createProgram } from "../src/createProgram";
import { defaultKit } from "../src/defaultKit";
import { COMMANDS, commandNamed } from "../src/internal/commandIndex";
import { rootCommand } from "../src/internal/rootCommand";
import { main } from "../src/main";

afterEach(() => vi.restoreAllMocks());

/** Runs `main` in-process and returns the exit code with what it wrote to stdout. */
const run = async (argv: string[]) => {
  let out = "";
  const grab = (chunk: unknown) => {
    out += String(chunk);
    return true;
  };
  vi.spyOn(process.stdout, "write").mockImplementation(grab as never);
  vi.spyOn(process.stderr, "write").mockImplementation((() => true) as never);
  const code = await main(argv);
  vi.restoreAllMocks();
  return { code, out };
};

describe("the command index", () => {
  it("lists the commands in --help exactly as the loaded commands describe themselves", async () => {
    let full = "";
    createProgram(defaultKit(), () => {})
      .configureOutput({ writeOut: (text) => (full += text) })
      .outputHelp();
    const { code, out } = await run(["--help"]);
    expect(code).toBe(0);
    expect(out).toBe(full);
  });

  it("lists every command the program builds, in its order", () => {
    const program = createProgram(defaultKit(), () => {});
    expect(COMMANDS.map((c) => c.name)).toEqual(program.commands.map((c) => c.name()));
  });

  it("loads the module that builds each command under its own name", async () => {
    const kit = defaultKit();
    for (const entry of COMMANDS) {
      const program = rootCommand(kit.policy, processIo());
      (await entry.load())(program, kit, () => {}, processIo());
      expect(program.commands.map((c) => c.name())).toEqual([entry.name]);
    }
  });

  it("finds the command a command line runs, past options and after help", () => {
    expect(commandNamed(["--help"])).toBeUndefined();
    expect(commandNamed(["martix"])).toBeUndefined();
    expect(commandNamed(["explain", "use", "marketing", "account"])?.name).toBe("explain");
    expect(commandNamed(["--help", "matrix"])?.name).toBe("matrix");
    expect(commandNamed(["help", "retention"])?.name).toBe("retention");
  });
});
