/**
 * Turns file bytes into article text the way the editor will show it: UTF-8 with invalid
 * sequences replaced (never a crash) and a byte-order mark removed, since VS Code drops it
 * and every offset must match the editor's document.
 */
export function decodeArticle(bytes: Uint8Array): { text: string; replaced: boolean } | { skipped: string } {
  if (looksBinary(bytes)) return { skipped: 'binary file (contains NUL bytes)' };
  let text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
  const replaced = text.includes('\uFFFD') && !hasLiteralReplacementChar(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, replaced };
}

/** A NUL byte in the first 8 KB marks a binary file, as git and VS Code decide. */
function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 8192);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

/** True when the file itself contains U+FFFD (EF BF BD), so a replacement char is not our doing. */
function hasLiteralReplacementChar(bytes: Uint8Array): boolean {
  for (let i = 0; i + 2 < bytes.length; i++) if (bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) return true;
  return false;
}
