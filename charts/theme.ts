/**
 * The colours and type a chart is drawn in. The webview reads them from the VS Code theme's
 * CSS variables (light, dark, high contrast); the command line uses LIGHT_THEME or DARK_THEME,
 * VS Code's own defaults for the same variables.
 */
import type { EntityKind } from '../server/src/protocol';

export interface ChartTheme {
  background: string;
  foreground: string;
  /** Secondary text: axis labels, captions. */
  muted: string;
  /** Axis and grid lines. */
  lines: string;
  /** Series colours, in order (VS Code's charts.* colours). */
  palette: string[];
  /** One colour per entity kind. */
  kinds: Record<EntityKind, string>;
  /** Values that disagree with their week, and the selection's outline. */
  alert: string;
  focus: string;
  /** High contrast themes: thicker outlines, no translucency. */
  highContrast: boolean;
  fontFamily: string;
  fontSize: number;
}

const FONT = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Ubuntu, 'Noto Sans', Arial, sans-serif";

export const LIGHT_THEME: ChartTheme = {
  background: '#ffffff',
  foreground: '#1f1f1f',
  muted: '#616161',
  lines: '#d4d4d4',
  palette: ['#1a85ff', '#d18616', '#388a34', '#652d90', '#e51400', '#bf8803'],
  kinds: { person: '#1a85ff', org: '#d18616', place: '#388a34' },
  alert: '#e51400',
  focus: '#0090f1',
  highContrast: false,
  fontFamily: FONT,
  fontSize: 12,
};

export const DARK_THEME: ChartTheme = {
  background: '#1f1f1f',
  foreground: '#cccccc',
  muted: '#9d9d9d',
  lines: '#3c3c3c',
  palette: ['#3794ff', '#d18616', '#89d185', '#b180d7', '#f14c4c', '#cca700'],
  kinds: { person: '#3794ff', org: '#d18616', place: '#89d185' },
  alert: '#f14c4c',
  focus: '#0078d4',
  highContrast: false,
  fontFamily: FONT,
  fontSize: 12,
};

/** Reads a theme from CSS custom properties (the webview's `--vscode-*`), falling back to `base`. */
export function themeFromVariables(read: (name: string) => string, highContrast: boolean, base: ChartTheme): ChartTheme {
  const pick = (fallback: string, ...names: string[]): string => {
    for (const name of names) {
      const value = read(name).trim();
      if (value) return value;
    }
    return fallback;
  };
  const palette = ['blue', 'orange', 'green', 'purple', 'red', 'yellow'].map((c, i) => pick(base.palette[i], `--vscode-charts-${c}`));
  const foreground = pick(base.foreground, '--vscode-charts-foreground', '--vscode-editor-foreground', '--vscode-foreground');
  return {
    background: pick(base.background, '--vscode-editor-background'),
    foreground,
    muted: pick(base.muted, '--vscode-descriptionForeground'),
    // High contrast themes draw every line in the contrast border colour.
    lines: highContrast ? pick(foreground, '--vscode-contrastBorder') : pick(base.lines, '--vscode-charts-lines', '--vscode-editorWidget-border'),
    palette,
    kinds: { person: palette[0], org: palette[1], place: palette[2] },
    alert: pick(base.alert, '--vscode-charts-red', '--vscode-errorForeground'),
    focus: pick(base.focus, '--vscode-focusBorder'),
    highContrast,
    fontFamily: pick(base.fontFamily, '--vscode-font-family'),
    fontSize: Number.parseFloat(read('--vscode-font-size')) || base.fontSize,
  };
}

/** Text style shared by every chart. */
export function textStyle(theme: ChartTheme): { color: string; fontFamily: string; fontSize: number } {
  return { color: theme.foreground, fontFamily: theme.fontFamily, fontSize: theme.fontSize };
}

/** Tooltip colours from the theme (ECharts' own are white on any background). */
export function tooltipStyle(theme: ChartTheme): Record<string, unknown> {
  return {
    backgroundColor: theme.background,
    borderColor: theme.highContrast ? theme.foreground : theme.lines,
    borderWidth: theme.highContrast ? 2 : 1,
    textStyle: textStyle(theme),
    confine: true,
  };
}
