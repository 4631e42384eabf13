import * as vscode from 'vscode';
import { Colors } from '../ids';
import type { DecorationKind } from './kinds';

/** Each kind's look: a theme colour and a border or underline style of its own, so colour is never the only cue. */
export function decorationStyle(kind: DecorationKind): vscode.DecorationRenderOptions {
  const ruler = { overviewRulerLane: vscode.OverviewRulerLane.Right, rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed };
  const underline = (color: string, style: string, width: string): vscode.DecorationRenderOptions => ({
    ...ruler,
    borderColor: new vscode.ThemeColor(color),
    borderStyle: style,
    borderWidth: `0 0 ${width} 0`,
    overviewRulerColor: new vscode.ThemeColor(color),
  });
  const box = (color: string, style: string): vscode.DecorationRenderOptions => ({
    ...ruler,
    borderColor: new vscode.ThemeColor(color),
    borderStyle: style,
    borderWidth: '1px',
    borderRadius: '3px',
    overviewRulerColor: new vscode.ThemeColor(color),
  });
  switch (kind) {
    case 'quote':
      return { ...underline(Colors.quoteBorder, 'solid', '2px'), backgroundColor: new vscode.ThemeColor(Colors.quote), overviewRulerLane: vscode.OverviewRulerLane.Left };
    case 'repeat':
      // A passage the file repeats: the louder look, since it is usually an editing slip.
      return {
        ...ruler,
        backgroundColor: new vscode.ThemeColor(Colors.repeat),
        outlineColor: new vscode.ThemeColor(Colors.repeatBorder),
        outlineStyle: 'dashed',
        outlineWidth: '1px',
        overviewRulerColor: new vscode.ThemeColor(Colors.repeatBorder),
        overviewRulerLane: vscode.OverviewRulerLane.Center,
      };
    case 'shared':
      // Shared with another file: common in wire copy, so quiet (a thin bar where each
      // line of the passage starts, no fill) and drawn under the other kinds.
      return {
        ...ruler,
        borderColor: new vscode.ThemeColor(Colors.shared),
        borderStyle: 'solid',
        borderWidth: '0 0 0 2px',
        overviewRulerColor: new vscode.ThemeColor(Colors.shared),
        overviewRulerLane: vscode.OverviewRulerLane.Center,
      };
    case 'person': return underline(Colors.person, 'dotted', '2px');
    case 'org': return underline(Colors.org, 'double', '3px');
    case 'place': return underline(Colors.place, 'dashed', '2px');
    case 'date': return box(Colors.date, 'dotted');
    case 'number': return box(Colors.number, 'solid');
    case 'misc': return underline(Colors.misc, 'solid', '1px');
  }
}
