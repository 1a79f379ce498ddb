import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

// CPU accounting from /proc (Linux). Elsewhere every function answers null and the figures that need it
// are reported as not available.

let ticksPerSecond: number | undefined;
const clockTicksPerSecond = (): number =>
  (ticksPerSecond ??= Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100);

const procAvailable = (): boolean => fs.existsSync('/proc/self/stat');

/** CPU seconds (user + system) used so far by the live processes of a process group. */
export function processGroupCpuSeconds(group: number): number | null {
  if (!procAvailable()) return null;
  let ticks = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // "pid (comm) state ppid pgrp ... utime stime": comm may hold spaces, so count after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) !== group) continue;
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / clockTicksPerSecond();
}

/**
 * CPU seconds all cores have spent in processes (user, nice, system) since boot. Interrupt time is left
 * out: it belongs to no process, and on loopback it is mostly the benchmark's own network traffic.
 */
export function machineBusySeconds(): number | null {
  if (!procAvailable()) return null;
  const total = fs
    .readFileSync('/proc/stat', 'utf8')
    .split('\n')
    .find((line) => line.startsWith('cpu '));
  if (!total) return null;
  const [user = 0, nice = 0, system = 0] = total.trim().split(/\s+/).slice(1).map(Number);
  return (user + nice + system) / clockTicksPerSecond();
}
