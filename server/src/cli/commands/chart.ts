import * as path from 'node:path';
import type { EntityKind, Period } from '../../protocol';
import { DashboardQueries } from '../../dashboard';
import { NOT_CANCELLED } from '../../corpus/queries';
import { writeLines } from '../../host/writeLines';
import { EXIT, UsageError, integerOption, type Command } from '../command';
import { FOLDER_OPTIONS, folderArgument, indexFolder } from '../indexFolder';

const CHARTS = ['timeline', 'network', 'figures'] as const;
const KINDS = new Set<EntityKind>(['person', 'org', 'place']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** corpus-lens chart: the dashboard's timeline, network or figures chart as an SVG file. */
export const chartCommand: Command = {
  name: 'chart',
  summary: 'draw the dashboard\'s timeline, network or figures chart of a folder as SVG',
  usage: 'chart timeline|network|figures <folder> --out FILE.svg [options]',
  description: [
    'Draws the same chart as the dashboard in VS Code, in its light theme (--dark for the dark one).',
    '  timeline  mentions per day, week or month of the --entity given (the corpus\'s articles without one)',
    '  network   the most-reported entities and the articles they share (--size, --kinds, --from/--to)',
    '  figures   one figure of a --measure per article by date, values that disagree with their week marked',
    'Examples:',
    '  corpus-lens chart timeline sample/ --entity "Odile Farrance" --entity "Kestrel Bay" --out timeline.svg',
    '  corpus-lens chart network sample/ --size 30 --kinds person,org --out network.svg',
    '  corpus-lens chart figures sample/ --measure workers --out workers.svg',
  ].join('\n'),
  options: {
    out: { type: 'string', short: 'o', value: 'FILE', help: 'the SVG file to write (- is standard output)' },
    entity: { type: 'string', multiple: true, value: 'NAME', help: 'an entity for the timeline, by name or id (repeat for several)' },
    mode: { type: 'string', value: 'stacked|overlaid', help: 'timeline bars stacked (default) or lines overlaid' },
    bucket: { type: 'string', value: 'day|week|month', help: 'the timeline\'s periods (default: by the span of the data)' },
    from: { type: 'string', value: 'DATE', help: 'only articles from this date (YYYY-MM-DD)' },
    to: { type: 'string', value: 'DATE', help: 'only articles until this date (YYYY-MM-DD)' },
    kinds: { type: 'string', value: 'LIST', help: 'network: entity types, comma-separated (person,org,place)' },
    size: { type: 'string', value: 'N', help: 'network: at most N entities (10–300, default 60)' },
    measure: { type: 'string', value: 'MEASURE', help: 'figures: what they count ("workers", "money:USD"; default the most reported)' },
    width: { type: 'string', value: 'PX', help: 'width of the picture (default 960)' },
    height: { type: 'string', value: 'PX', help: 'height of the picture (default 540)' },
    dark: { type: 'boolean', help: 'draw in the dark theme' },
    ...FOLDER_OPTIONS,
  },
  positionals: { min: 2, max: 2, name: 'the chart (timeline, network or figures) and the folder' },
  async run(args, { io, progress }) {
    const chart = args.positionals[0] as (typeof CHARTS)[number];
    if (!CHARTS.includes(chart)) throw new UsageError(`unknown chart "${args.positionals[0]}" (timeline, network or figures)`);
    const out = args.values.out as string | undefined;
    if (!out) throw new UsageError('--out FILE.svg is required');
    const period = periodOf(args.values.from as string | undefined, args.values.to as string | undefined);
    const width = integerOption(args.values.width, '--width', 960);
    const height = integerOption(args.values.height, '--height', 540);
    if (width < 200 || height < 150 || width > 10_000 || height > 10_000) throw new UsageError('--width and --height must be between 200×150 and 10000×10000');
    const kinds = kindsOf(args.values.kinds as string | undefined);
    const mode = (args.values.mode as string | undefined) ?? 'stacked';
    if (mode !== 'stacked' && mode !== 'overlaid') throw new UsageError('--mode must be stacked or overlaid');
    const bucket = args.values.bucket as string | undefined;
    if (bucket !== undefined && !['day', 'week', 'month'].includes(bucket)) throw new UsageError('--bucket must be day, week or month');
    const size = args.values.size === undefined ? undefined : integerOption(args.values.size, '--size', 60);

    const folder = await folderArgument({ ...args, positionals: args.positionals.slice(1) });
    const problems: string[] = [];
    const workspace = await indexFolder(folder, args, progress('Indexing'), problems);
    const corpus = workspace.corpus;
    const queries = new DashboardQueries(corpus, () => workspace.skippedFiles());
    // The charts (ECharts, d3-force) are loaded only by this command.
    const charts = await import('../../../../charts');
    const theme = args.values.dark ? charts.DARK_THEME : charts.LIGHT_THEME;
    let option: ReturnType<typeof charts.timelineOption>;
    if (chart === 'timeline') {
      const names = (args.values.entity as string[] | undefined) ?? [];
      const ids = names.map((name) => corpus.summaryOf(name, NOT_CANCELLED)?.id ?? corpus.searchEntities(name, 1, NOT_CANCELLED)[0]?.id);
      const missing = names.filter((_, i) => ids[i] === undefined);
      if (missing.length) io.err(`corpus-lens chart: no entity named ${missing.map((m) => `"${m}"`).join(', ')} in ${folder}\n`);
      const data = await queries.timeline({ ids: ids.filter((id): id is string => id !== undefined), bucket: bucket as 'day' | 'week' | 'month' | undefined });
      const title = data.series.length ? `Mentions per ${data.bucket}: ${data.series.map((s) => s.name).join(', ')}` : `Articles per ${data.bucket}`;
      option = charts.timelineOption(data, theme, { mode, period, title });
    } else if (chart === 'network') {
      const data = await queries.network({ kinds, period, size });
      const positions = charts.layoutNetwork(data.nodes, data.edges, undefined, width / height);
      option = charts.networkOption(data, theme, { positions, period, title: `Entities mentioned together, ${charts.describePeriod(period)}` });
    } else {
      const data = await queries.figures({ measure: args.values.measure as string | undefined, period });
      if (!data.points.length) io.err(`corpus-lens chart: no dated figures of ${data.measure ? `"${data.measure}"` : 'any measure'} in ${folder}\n`);
      option = charts.figuresOption(data, theme, { period, title: `Figures over time: ${data.measure || 'none'}` });
    }
    const svg = charts.renderSvg(option, width, height);
    if (out === '-') io.out(`${svg}\n`);
    else {
      try {
        await writeLines(path.resolve(out), [svg]);
      } catch (error) {
        io.err(`corpus-lens chart: could not write ${out}: ${error instanceof Error ? error.message : String(error)}\n`);
        return EXIT.failed;
      }
      io.err(`Wrote the ${chart} chart to ${out}\n`);
    }
    for (const p of problems) io.err(`${p}\n`);
    return EXIT.ok;
  },
};

function periodOf(from: string | undefined, to: string | undefined): Period | undefined {
  for (const [name, value] of [['--from', from], ['--to', to]] as const) if (value !== undefined && !DATE.test(value)) throw new UsageError(`${name} must be a date YYYY-MM-DD`);
  if (from && to && from > to) throw new UsageError('--from must not be after --to');
  return from || to ? { from, to } : undefined;
}

function kindsOf(list: string | undefined): EntityKind[] | undefined {
  if (list === undefined) return undefined;
  const kinds = list.split(',').map((k) => k.trim()).filter(Boolean);
  const wrong = kinds.filter((k) => !KINDS.has(k as EntityKind));
  if (wrong.length || kinds.length === 0) throw new UsageError(`--kinds takes person, org and place (got ${list})`);
  return kinds as EntityKind[];
}
