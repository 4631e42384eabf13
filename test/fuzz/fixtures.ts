/**
 * The inputs the fuzz test keeps (test/fixtures/fuzz/), written by test/fuzz/fuzz.ts
 * with FUZZ_SAVE=1 and run by test/unit/fuzz-fixtures.test.ts. Three forms:
 *
 * - `TAG-FAMILY-HASH.txt` / `.md`: a generated file's bytes, read as the CLI reads a file;
 * - `TAG-FAMILY-HASH.json`: `{ what, note, text }`, a text as an editor handed it to the index worker;
 * - `recipes.json`: `[{ name, generator, seed, what, note }]`, inputs over 200 KB kept as
 *   the generator and seed that make them again (HASH checks that they still do).
 *
 * TAG is `slow` (among the slowest by analysis time per MB), `fail` (a check failed)
 * or `known-ID` (hits the known bug ID of test/fuzz/known.ts); HASH is the first
 * 8 hex digits of the SHA-1 of the bytes, or of the text as JSON.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { generateEditorText, generateFile, type GeneratedFile } from './generate';

export const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/fuzz');
const RECIPES = path.join(FIXTURES, 'recipes.json');
const MAX_BYTES = 200 * 1024;

/** An input as it was given: a generated file (bytes) or a text handed to the worker (`seed` null once edited). */
export type Input =
  | { kind: 'file'; g: GeneratedFile }
  | { kind: 'text'; text: string; what: string; family: string; seed: number | null };

/** A generated input too large to keep as a file: its generator and seed. */
interface Recipe { name: string; generator: 'generateFile' | 'generateEditorText'; seed: number; what: string; note: string }

/** A fixture read back: the bytes of a file, or a text as given. */
export interface Fixture { name: string; what: string; bytes?: Uint8Array; text?: string }

export function describeInput(i: Input): string {
  return i.kind === 'file' ? `${i.g.family}: ${i.g.what} (seed ${i.g.seed}, file)` : `${i.family}: ${i.what}${i.seed !== null ? ` (seed ${i.seed}, text)` : ''}`;
}

export const inputBytes = (i: Input) => (i.kind === 'file' ? i.g.bytes.length : Buffer.byteLength(i.text, 'utf8'));

const hashOf = (x: { bytes?: Uint8Array; text?: string }) =>
  crypto.createHash('sha1').update(x.bytes ?? Buffer.from(JSON.stringify(x.text))).digest('hex').slice(0, 8);

/** Writes an input to the fixtures folder; returns what was written (or why nothing was). */
export function saveFixture(tag: string, input: Input, note: string): string {
  fs.mkdirSync(FIXTURES, { recursive: true });
  const family = input.kind === 'file' ? input.g.family : input.family;
  const base = `${tag}-${family}-${hashOf(input.kind === 'file' ? { bytes: input.g.bytes } : { text: input.text })}`;
  if (inputBytes(input) > MAX_BYTES) {
    const seed = input.kind === 'file' ? input.g.seed : input.seed;
    if (seed === null) return `${base}: over 200 KB and no recipe (an edited text), not kept`;
    const recipes: Recipe[] = fs.existsSync(RECIPES) ? JSON.parse(fs.readFileSync(RECIPES, 'utf8')) : [];
    if (!recipes.some(x => x.name === base)) recipes.push({ name: base, generator: input.kind === 'file' ? 'generateFile' : 'generateEditorText', seed, what: describeInput(input), note });
    fs.writeFileSync(RECIPES, JSON.stringify(recipes, null, 1) + '\n');
    return `${base} (a recipe in recipes.json)`;
  }
  if (input.kind === 'file') {
    fs.writeFileSync(path.join(FIXTURES, base + input.g.ext), input.g.bytes);
    return base + input.g.ext;
  }
  fs.writeFileSync(path.join(FIXTURES, base + '.json'), JSON.stringify({ what: describeInput(input), note, text: input.text }, null, 1) + '\n');
  return base + '.json';
}

/** Every fixture; a recipe that no longer makes the input it names (the generator changed) throws. */
export function loadFixtures(): Fixture[] {
  if (!fs.existsSync(FIXTURES)) return [];
  const out: Fixture[] = [];
  for (const name of fs.readdirSync(FIXTURES).sort()) {
    const file = path.join(FIXTURES, name);
    if (name.endsWith('.txt') || name.endsWith('.md')) out.push({ name, what: 'file', bytes: fs.readFileSync(file) });
    else if (name.endsWith('.json') && name !== 'recipes.json') {
      const j = JSON.parse(fs.readFileSync(file, 'utf8')) as { what: string; text: string };
      out.push({ name, what: j.what, text: j.text });
    }
  }
  if (fs.existsSync(RECIPES)) {
    for (const r of JSON.parse(fs.readFileSync(RECIPES, 'utf8')) as Recipe[]) {
      const f: Fixture = r.generator === 'generateFile' ? { name: r.name, what: r.what, bytes: generateFile(r.seed).bytes } : { name: r.name, what: r.what, text: generateEditorText(r.seed).text };
      if (!r.name.endsWith(`-${hashOf(f)}`)) throw new Error(`recipes.json: ${r.name} (seed ${r.seed}) makes another input now: the generator changed; run the fuzz test with FUZZ_SAVE=1 again`);
      out.push(f);
    }
  }
  return out;
}
