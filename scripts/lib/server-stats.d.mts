import type { ServerResponse } from "node:http";
export function startServerStats(log?: (line: string) => void): (res: ServerResponse) => void;
