// The feature-plane trainer: a typed-array multilayer perceptron with backprop, SGD/Adam, linear-region
// counting, dead-unit detection and seeded data sets. Pure: no DOM, usable in a worker, the server and tests.
export { createNetwork, forward, forwardFlat, getWeights, getBiases, type Network, type NetworkOptions } from "./network";
export {
  gradients,
  trainStep,
  trainRange,
  trainEpoch,
  accumulateGradients,
  applyGradients,
  meanLoss,
  accuracy,
  type LossKind,
  type TrainOptions,
} from "./train";
export {
  activationPattern,
  countLinearRegions,
  evaluateGrid,
  deadUnits,
  deadUnitsFlat,
  isPiecewiseLinear,
  kinkedUnitCount,
  gridStep,
  type Grid,
  type UnitRef,
} from "./regions";
export { makeDataset, datasetRows, isDatasetKind, DATASET_KINDS, type Dataset, type DatasetKind, type DatasetOptions } from "./datasets";
export { createRng, type Rng } from "./random";
