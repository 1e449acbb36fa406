// Types for precompressed.mjs (a plain .mjs so Node 20 runs the server without a TypeScript runner).
import type { OutgoingHttpHeaders } from "node:http";

/** The parts of a request and response the handler uses (node:http's objects satisfy them). */
type Request = { method?: string; url?: string; headers: Record<string, string | string[] | undefined> };
type Response = { writeHead(status: number, headers: OutgoingHttpHeaders): unknown; end(body?: Buffer): unknown };

export function acceptsBrotli(header: string | string[] | undefined): boolean;
export function loadPrecompressed(staticDir: string): Promise<(req: Request, res: Response) => boolean>;
