// The part of autocannon's API that scripts/bench-grading.ts uses (the package ships no types).
declare module "autocannon" {
  namespace autocannon {
    type Histogram = { average: number; mean: number; stddev: number; min: number; max: number; p50: number; p90: number; p97_5: number; p99: number };
    type RawRequest = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
    type Request = RawRequest & { setupRequest?: (req: RawRequest, context: Record<string, unknown>) => RawRequest };
    type Options = { url: string; connections?: number; amount?: number; duration?: number; pipelining?: number; requests?: Request[] };
    type Result = { latency: Histogram; requests: Histogram; duration: number; errors: number; timeouts: number; non2xx: number; "2xx": number };
  }
  /** The running instance: an EventEmitter ("response" fires once per completed response). */
  type Instance = { on: (event: "response", listener: (...args: unknown[]) => void) => void };
  function autocannon(opts: autocannon.Options, cb: (err: Error | null, result: autocannon.Result) => void): Instance;
  export default autocannon;
}
