/** `--format markdown`: the report shared with the extension's "Export Report" (src/report/). */
export { escapeMd, renderMarkdown } from '../report/markdown';
