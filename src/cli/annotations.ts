/**
 * `--annotations FILE` for the CLI: finds the file (the contract's default when none
 * is given), reads it, and applies it to the output as a post-pass.
 */
import * as path from 'node:path';
import { applyAnnotations, orphanMessage } from '../core/annotations';
import type { AnalysisOutput } from '../core/types';
import { annotationsRoot, findAnnotationsFile, readAnnotationsFile } from '../node/annotationsFile';

/** The annotations file cannot be used (exit 2, one line on stderr). */
export class AnnotationsError extends Error {}

/**
 * The output with the annotations applied (and every document's `source`, every
 * duplicate's `direction`, every claim's `verdict`, null when unset), and the
 * lines to print on stderr (orphaned entries). `file` is the `--annotations`
 * value, or null for the default: the file that applies to the first PATH.
 */
export function withAnnotations(out: AnalysisOutput, text: (path: string) => string | undefined, file: string | null, firstPath: string | undefined): { out: AnalysisOutput; warnings: string[] } {
  const fsPath = file ?? (firstPath === undefined ? null : findAnnotationsFile(firstPath));
  let annotations = null;
  let read: ReturnType<typeof readAnnotationsFile> | null = null;
  if (fsPath) {
    read = readAnnotationsFile(fsPath);
    if (read.kind === 'missing') {
      if (file !== null) throw new AnnotationsError(`cannot read annotations file ${file}: ENOENT`);
    } else if (read.kind === 'unreadable') throw new AnnotationsError(`cannot read annotations file ${fsPath}: ${read.message}`);
    else if (read.kind === 'broken') throw new AnnotationsError(`${fsPath}:${read.line}: ${read.message}`);
    else annotations = read.annotations;
  }
  const byFile = new Map(out.documents.map(d => [path.resolve(d.path), d.path]));
  const root = fsPath ? annotationsRoot(fsPath) : process.cwd();
  const applied = applyAnnotations(out.documents, annotations, {
    text,
    resolvePath: rel => byFile.get(path.resolve(root, ...rel.split('/'))),
    fill: true,
    // The results are the CLI's own: filled in place, not copied (an archive's claims and passages are not held twice).
    inPlace: true,
  });
  const warnings: string[] = [];
  const lines = read?.kind === 'ok' ? read.lines : undefined;
  let absent = 0;
  for (const o of applied.orphans) {
    if (o.absent) absent++;
    else warnings.push(orphanMessage(fsPath ?? 'annotations', o, lines));
  }
  if (absent) warnings.push(`${fsPath}: ${absent} ${absent === 1 ? 'entry names a document' : 'entries name documents'} not analysed in this run`);
  return { out: { ...out, documents: applied.documents }, warnings };
}
