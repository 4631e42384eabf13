/** Takes `name VALUE` out of `args` (a bench's command line) and gives the value; null when the option is absent. */
export function takeOption(args: string[], name: string): string | null {
  const at = args.indexOf(name);
  if (at < 0) return null;
  const v = args[at + 1] ?? '';
  args.splice(at, 2);
  return v;
}
