// Benchmark of lib/nn (a script, not a test): training throughput of a 2-8-8-1 network with SGD, batch 10,
// on 400 spiral points, and 100×100 decision-map evaluations per second. Prints the figures; the ones
// measured on the project's machine kind are kept in docs/performance.md.
import { createNetwork, evaluateGrid, makeDataset, trainEpoch, createRng, type Network } from "@/lib/nn";
import type { ActivationId } from "@/lib/math/activations";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const data = makeDataset("spiral", { count: 400, noise: 0.05, seed: 7 });
const grid = { min: -1.2, max: 1.2, pointsPerAxis: 100 };

function net(act: ActivationId): Network {
  return createNetwork({ layerSizes: [2, 8, 8, 1], activations: act, outputActivation: "sigmoid", seed: 3 });
}

/** CPU time of this process in ms (user + system): steadier than wall time on a shared machine. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * Runs `work` (which returns how many units it did) for about `seconds` of CPU time, in 3 rounds, and
 * returns the best round's units per second of wall time and of CPU time (other engineers' jobs share
 * these 2 cores; CPU time is what a machine to itself would give).
 */
function rate(work: () => number, seconds: number): { wall: number; cpu: number } {
  for (let i = 0; i < 20; i++) work(); // warm up the JIT
  let wall = 0;
  let cpu = 0;
  for (let round = 0; round < 3; round++) {
    let units = 0;
    const w0 = performance.now();
    const c0 = cpuMs();
    let c = c0;
    while (c - c0 < (seconds * 1000) / 3) {
      units += work();
      c = cpuMs();
    }
    wall = Math.max(wall, (units * 1000) / (performance.now() - w0));
    cpu = Math.max(cpu, (units * 1000) / (c - c0));
  }
  return { wall, cpu };
}

function trainRate(act: ActivationId): { wall: number; cpu: number } {
  const n = net(act);
  const order = Int32Array.from({ length: data.count }, (_, i) => i);
  const rng = createRng(11);
  const options = { learningRate: 0.03, optimizer: "sgd" as const, batchSize: 10, loss: "bce-logits" as const };
  return rate(() => {
    trainEpoch(n, data.xs, data.labels, order, rng, options);
    return data.count;
  }, SECONDS);
}

function heatmapRate(act: ActivationId): { wall: number; cpu: number } {
  const n = net(act);
  const out = new Float32Array(grid.pointsPerAxis ** 2);
  return rate(() => {
    evaluateGrid(n, grid, out);
    return 1;
  }, SECONDS);
}

const fmt = (r: { wall: number; cpu: number }) =>
  `${Math.round(r.cpu).toLocaleString("en-US")} per CPU-second (${Math.round(r.wall).toLocaleString("en-US")} per wall-clock second)`;
console.log(`lib/nn bench — node ${process.version}, 2-8-8-1, sigmoid output + BCE on logits, SGD, batch 10, 400 spiral points, ${SECONDS} s per figure`);
for (const act of ["tanh", "relu"] as const) console.log(`training samples/s (${act}): ${fmt(trainRate(act))}`);
console.log(`100×100 heatmaps/s (tanh): ${fmt(heatmapRate("tanh"))}`);
console.log(`100×100 heatmaps/s with region count (relu): ${fmt(heatmapRate("relu"))}`);
