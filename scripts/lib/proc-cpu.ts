// CPU seconds of a process and all its descendants, from Linux /proc — the production server runs as a
// small launcher with the server as its child (scripts/server.mjs), so one pid's own figures are not enough.
import fs from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** User + system CPU seconds used so far by `rootPid` and every live descendant; null where /proc is unreadable. */
export function treeCpuSeconds(rootPid: number): number | null {
  try {
    const stats = fs
      .readdirSync("/proc")
      .filter((d) => /^\d+$/.test(d))
      .flatMap((d) => {
        try {
          const text = fs.readFileSync(`/proc/${d}/stat`, "utf8");
          const f = text.slice(text.lastIndexOf(")") + 2).split(" ");
          return [{ pid: Number(d), ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) }];
        } catch {
          return [];
        }
      });
    const tree = new Set([rootPid]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const s of stats) {
        if (!tree.has(s.pid) && tree.has(s.ppid)) {
          tree.add(s.pid);
          grew = true;
        }
      }
    }
    return stats.filter((s) => tree.has(s.pid)).reduce((sum, s) => sum + s.ticks, 0) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}
