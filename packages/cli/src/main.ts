/** Runs the `trunkiq-policy` command line and resolves to its exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  process.stdout.write(`trunkiq-policy: no commands yet (${argv.length} arguments)\n`);
  return 0;
}
