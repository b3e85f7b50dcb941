import { createHash } from 'node:crypto';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * Where the analysis cache lives when the editor names no storage folder (every editor but
 * VS Code): the user's cache folder, one subfolder per workspace (a hash of its folder paths),
 * never inside the workspace. Linux and the BSDs: $XDG_CACHE_HOME or ~/.cache; macOS:
 * ~/Library/Caches; Windows: %LOCALAPPDATA%.
 */
export function userCacheFolder(workspaceFolders: readonly string[], env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = os.homedir()): string {
  const id = createHash('sha256').update(JSON.stringify([...workspaceFolders].sort())).digest('hex').slice(0, 16);
  return path.join(userCacheRoot(env, platform, home), 'corpus-lens', id);
}

function userCacheRoot(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string {
  // An XDG_CACHE_HOME must be absolute to count (the specification says to ignore it otherwise).
  if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)) return env.XDG_CACHE_HOME;
  if (platform === 'win32') return env.LOCALAPPDATA || path.join(home, 'AppData', 'Local');
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches');
  return path.join(home, '.cache');
}
