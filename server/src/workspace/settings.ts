/** The one typed settings shape of the server, with defaults merged in one place. */
export interface Settings {
  /** Index the folder even without a `.corpuslens.json` in it (corpusLens.enable). */
  enable: boolean;
  /** Globs (relative to the workspace folder) selecting the articles. */
  articles: string[];
  /** Articles larger than this are skipped. */
  maxFileSizeKB: number;
  /** Per-file article dates, keyed by a path relative to the workspace folder. */
  articleDates: Record<string, string>;
  /** Globs from files.exclude that are switched on. */
  exclude: string[];
  /** Which kinds of diagnostics are reported (corpusLens.diagnostics.*). */
  diagnostics: DiagnosticSettings;
}

/** Each kind of diagnostic can be turned off per folder. */
export interface DiagnosticSettings {
  /** A figure that disagrees with the other articles of its week. */
  figures: boolean;
  /** A relative date that cannot be resolved (no article date). */
  unresolvedDates: boolean;
  /** An invalid `.corpuslens.json`. */
  corrections: boolean;
  /** Files skipped by the index (binary, too large, links leaving the folder). */
  skippedFiles: boolean;
}

const ALL_DIAGNOSTICS: DiagnosticSettings = Object.freeze({ figures: true, unresolvedDates: true, corrections: true, skippedFiles: true });

export const DEFAULT_SETTINGS: Settings = {
  enable: false,
  articles: ['**/*.txt'],
  maxFileSizeKB: 2048,
  articleDates: Object.freeze(Object.create(null)),
  exclude: [],
  diagnostics: ALL_DIAGNOSTICS,
};

/** Merges what the client returned for `corpusLens` and `files.exclude` over the defaults. */
export function mergeSettings(corpusLens: unknown, filesExclude: unknown): Settings {
  const raw = (corpusLens && typeof corpusLens === 'object' ? corpusLens : {}) as Record<string, unknown>;
  const articles = Array.isArray(raw.articles) ? raw.articles.filter((g): g is string => typeof g === 'string' && g.length > 0) : [];
  const size = typeof raw.maxFileSizeKB === 'number' && raw.maxFileSizeKB > 0 ? raw.maxFileSizeKB : DEFAULT_SETTINGS.maxFileSizeKB;
  // No prototype: a file named "constructor" or "__proto__" is a key like any other.
  const dates: Record<string, string> = Object.create(null);
  if (raw.articleDates && typeof raw.articleDates === 'object') {
    for (const [file, value] of Object.entries(raw.articleDates as Record<string, unknown>)) {
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) dates[file.replace(/^\.?\//, '')] = value;
    }
  }
  const exclude: string[] = [];
  if (filesExclude && typeof filesExclude === 'object') {
    for (const [glob, on] of Object.entries(filesExclude as Record<string, unknown>)) if (on === true) exclude.push(glob);
  }
  const rawDiagnostics = (raw.diagnostics && typeof raw.diagnostics === 'object' ? raw.diagnostics : {}) as Record<string, unknown>;
  const diagnostics = { ...ALL_DIAGNOSTICS };
  for (const kind of Object.keys(ALL_DIAGNOSTICS) as (keyof DiagnosticSettings)[]) if (rawDiagnostics[kind] === false) diagnostics[kind] = false;
  return { enable: raw.enable === true, articles: articles.length ? articles : DEFAULT_SETTINGS.articles, maxFileSizeKB: size, articleDates: dates, exclude, diagnostics };
}
