import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const commands = new Set(pkg.contributes.commands.map((c: { command: string }) => c.command));

describe('extension: the Get Started walkthrough', () => {
  const [walk] = pkg.contributes.walkthroughs;

  it('has the four steps of the issue, each with its page and commands that exist', () => {
    assert.deepEqual(walk.steps.map((s: { id: string }) => s.id), ['open', 'hover', 'tree', 'report']);
    for (const step of walk.steps) {
      assert.ok(fs.existsSync(path.join(root, step.media.markdown)), step.media.markdown);
      for (const [, id] of step.description.matchAll(/\(command:([\w.]+)/g)) {
        assert.ok(commands.has(id) || id === 'vscode.openFolder', `${step.id}: ${id} is a command`);
      }
      for (const e of step.completionEvents) {
        const m = /^onCommand:(.+)$/.exec(e);
        if (m) assert.ok(commands.has(m[1]) || m[1] === 'vscode.openFolder', e);
      }
    }
  });

  it('ships sample articles of its own, not lines copied from the seeds (test/unit/report.test.ts checks what they show)', () => {
    const dir = path.join(root, 'media/walkthrough/articles');
    const files = fs.readdirSync(dir).filter(f => f.endsWith('.txt'));
    assert.ok(files.length >= 3);
    const seeds = fs.readdirSync(path.join(root, 'seeds')).map(f => fs.readFileSync(path.join(root, 'seeds', f), 'utf8'));
    for (const f of files) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      for (const s of seeds) for (const line of text.split('\n').filter(l => l.length > 40)) assert.ok(!s.includes(line), `${f} does not copy the seeds`);
    }
  });
});
