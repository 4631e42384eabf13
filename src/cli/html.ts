/** `--format html`: the report shared with the extension's "Export Report" (src/report/). */
export { escapeHtml, renderHtml } from '../report/html';
