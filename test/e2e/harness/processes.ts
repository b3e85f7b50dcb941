import * as fs from 'node:fs';

/** One live process as /proc describes it. */
interface ProcessInfo {
  pid: number;
  ppid: number;
  pgrp: number;
  state: string;
}

function readProcesses(): ProcessInfo[] {
  const out: ProcessInfo[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // The process ended while we were listing.
    }
    // The command name is in parentheses and may itself contain spaces or parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    out.push({ pid: Number(entry), state: fields[0], ppid: Number(fields[1]), pgrp: Number(fields[2]) });
  }
  return out;
}

/**
 * The live (non-zombie) processes that belong to a started process: its process group plus every
 * descendant, so a child that moved to a group of its own is still found.
 */
export function processFamily(rootPid: number): number[] {
  const all = readProcesses().filter((p) => p.state !== 'Z');
  const family = new Set<number>(all.filter((p) => p.pgrp === rootPid || p.pid === rootPid).map((p) => p.pid));
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of all) {
      if (!family.has(p.pid) && family.has(p.ppid)) {
        family.add(p.pid);
        grew = true;
      }
    }
  }
  return [...family];
}

function signalAll(pids: number[], signal: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  }
}

async function waitUntilGone(rootPid: number, timeoutMs: number): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = processFamily(rootPid);
    if (left.length === 0 || Date.now() > deadline) return left;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Stops a process with its whole group and all descendants: SIGTERM first, SIGKILL for whatever
 * is still alive after the grace period. Resolves with the pids that survived even SIGKILL
 * (normally none).
 */
export async function killProcessFamily(rootPid: number, graceMs = 5000): Promise<number[]> {
  const family = processFamily(rootPid);
  try {
    process.kill(-rootPid, 'SIGTERM');
  } catch {
    // The group leader may have exited already; the members are signalled one by one below.
  }
  signalAll(family, 'SIGTERM');
  let left = await waitUntilGone(rootPid, graceMs);
  if (left.length > 0) {
    try {
      process.kill(-rootPid, 'SIGKILL');
    } catch {
      // See above.
    }
    signalAll(left, 'SIGKILL');
    left = await waitUntilGone(rootPid, 5000);
  }
  return left;
}

/** Synchronous last resort for process exit handlers, where nothing asynchronous can run. */
export function killProcessFamilySync(rootPid: number): void {
  const family = processFamily(rootPid);
  try {
    process.kill(-rootPid, 'SIGKILL');
  } catch {
    // Already gone.
  }
  signalAll(family, 'SIGKILL');
}
