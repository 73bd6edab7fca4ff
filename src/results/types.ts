/**
 * The results file (schemaVersion 1). This is a contract: see DESIGN.md. The types are inferred
 * from the one schema of each document (src/contract/schema.ts), which also generates
 * schema/results.schema.json. Fields may be added; none of the required ones may change.
 */

export {
  OBJECTIVES,
  WORKLOAD_KINDS,
  type Objective,
  type WorkloadKind,
} from '../contract/limits.js';
export type {
  MachineInfo,
  NumaNodeInfo,
  PeakEstimate,
  Point,
  Result,
  RuntimeInfo,
  ThroughputPoint,
  ThroughputResult,
  WorkloadResult,
} from '../contract/schema.js';
