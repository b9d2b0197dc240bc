#!/usr/bin/env node
import { main } from "./main";

// A reader that closes the pipe early (`| head -1`) must not crash the process with a stack
// trace; the command that was writing sees the failure itself and picks the exit code.
process.stdout.on("error", () => {});

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
