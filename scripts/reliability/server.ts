// Starts the production server (scripts/server.mjs — Next plus the attempts fast path — from an existing build) on a port and database of our
// choosing, in its own process group so a crash test can SIGKILL the whole thing and start it again.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { treeCpuSeconds } from "../lib/proc-cpu";

export type ServerOptions = {
  /** Project root holding `.next/` (the build) and node_modules. */
  root: string;
  port: number;
  /** Extra environment: SQLITE_PATH or DATABASE_URL, SESSION_SECRET, … */
  env: Record<string, string>;
  /** Keeps the last lines of the server's output for failure reports. */
  logLines?: number;
};

export type ProductionServer = {
  url: string;
  /** Process id of the current incarnation (changes after restart). */
  pid: () => number;
  /** Lines the server printed on stderr that look like errors (5xx handlers log with console.error). */
  errorLines: () => string[];
  /** Last lines of combined output. */
  tail: () => string[];
  /** How many times the server was started. */
  starts: () => number;
  /** CPU seconds (user + system) used by all incarnations so far (Linux /proc; 0 elsewhere). */
  cpuSeconds: () => number;
  /** SIGKILLs the process group: no shutdown hooks, no flush — a power cut as far as Node is concerned. */
  kill: () => Promise<void>;
  /** Starts a fresh process on the same port and database; resolves when /api/health answers 200. */
  restart: () => Promise<void>;
  /** Stops the server gracefully (SIGTERM, then SIGKILL after 5 s). */
  stop: () => Promise<void>;
};

// Servers run in their own process group (so SIGKILL reaches all of it), which also means they would outlive
// this process: kill any still running when it exits, and turn Ctrl-C into a normal exit.
const live = new Set<number>();
process.once("exit", () => {
  for (const pid of live) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  if (process.listenerCount(signal) === 0) process.once(signal, () => process.exit(130));
}

/** True when `root` has a finished production build. */
export function hasBuild(root: string): boolean {
  return existsSync(path.join(root, ".next", "BUILD_ID"));
}

/** CPU seconds of a live server: the launcher and the server it runs (scripts/server.mjs); 0 when unavailable. */
function processCpuSeconds(pid: number | undefined): number {
  return pid === undefined ? 0 : (treeCpuSeconds(pid) ?? 0);
}

/** Polls GET /api/health until it answers 200 or `timeoutMs` passes. */
export async function waitForHealth(url: string, timeoutMs = 60_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
}

/** Starts scripts/server.mjs on the port and waits for it to serve. Throws with the server's output if it does not. */
export async function startProductionServer(options: ServerOptions): Promise<ProductionServer> {
  const { root, port, env } = options;
  if (!hasBuild(root)) throw new Error(`No production build in ${root}/.next: run \`npx next build\` there first.`);
  const url = `http://127.0.0.1:${port}`;
  const keep = options.logLines ?? 200;
  const output: string[] = [];
  const errors: string[] = [];
  let child: ChildProcess | null = null;
  let starts = 0;
  let cpuOfPrevious = 0;

  const collect = (stream: "out" | "err") => (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (line.trim() === "") continue;
      output.push(line);
      if (output.length > keep) output.shift();
      if (stream === "err" && /error/i.test(line)) errors.push(line);
    }
  };

  async function launch(): Promise<void> {
    if (await waitForHealth(url, 300)) throw new Error(`Port ${port} is already serving: stop that server or pick another port.`);
    starts += 1;
    child = spawn(process.execPath, [path.join(root, "scripts", "server.mjs"), "-p", String(port), "-H", "127.0.0.1"], {
      cwd: root,
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true, // own process group: kill(-pid) reaches any worker next start forks
    });
    const pid = child.pid;
    if (pid !== undefined) {
      live.add(pid);
      child.once("exit", () => live.delete(pid));
    }
    child.stdout?.on("data", collect("out"));
    child.stderr?.on("data", collect("err"));
    const up = await Promise.race([waitForHealth(url, 90_000), exited(child).then(() => false)]);
    if (!up) {
      await killGroup("SIGKILL");
      throw new Error(`The production server on port ${port} did not come up.\n${output.slice(-30).join("\n")}`);
    }
  }

  async function killGroup(signal: NodeJS.Signals): Promise<void> {
    const c = child;
    if (!c || c.pid === undefined || c.exitCode !== null || c.signalCode !== null) return;
    cpuOfPrevious += processCpuSeconds(c.pid);
    try {
      process.kill(-c.pid, signal);
    } catch {
      c.kill(signal);
    }
    await exited(c);
  }

  await launch();
  return {
    url,
    pid: () => child?.pid ?? -1,
    errorLines: () => [...errors],
    tail: () => [...output],
    starts: () => starts,
    cpuSeconds: () => cpuOfPrevious + (child && child.exitCode === null && child.signalCode === null ? processCpuSeconds(child.pid) : 0),
    kill: () => killGroup("SIGKILL"),
    restart: async () => {
      await killGroup("SIGKILL");
      await launch();
    },
    stop: async () => {
      const c = child;
      if (!c) return;
      const timer = setTimeout(() => void killGroup("SIGKILL"), 5000);
      await killGroup("SIGTERM");
      clearTimeout(timer);
    },
  };
}
