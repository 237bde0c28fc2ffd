import { workerData } from 'piscina';

import { TriageEngine } from '../engine';
import {
  runTriageJob,
  type TriageJob,
  type TriageJobResult,
  type TriageWorkerData,
} from './triage-job';

// Each worker thread compiles the knowledge base once and then serves jobs.
const engine = new TriageEngine((workerData as TriageWorkerData).issues);

export default function triageInWorker(job: TriageJob): TriageJobResult {
  return runTriageJob(engine, job);
}
