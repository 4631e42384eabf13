/**
 * Defaults the CLI and the extension share: which files are articles and how large
 * one may be. package.json declares the same values as the defaults of
 * `sourceLens.include`, `sourceLens.exclude` and `sourceLens.maxFileSize`
 * (test/unit/extension-manifest.test.ts holds them equal).
 */
import { DEFAULT_MAX_FILE_SIZE } from '../core/limits';

export { DEFAULT_MAX_FILE_SIZE };

/** Globs (relative to the workspace folder, or to a directory the CLI walks) of the articles analysed. */
export const DEFAULT_INCLUDE: readonly string[] = Object.freeze(['**/*.{txt,md}']);

/** Globs of files never analysed: READMEs, dependencies, version-control data. */
export const DEFAULT_EXCLUDE: readonly string[] = Object.freeze(['README*', '**/README*', 'node_modules/**', '.git/**']);
