import { workerData } from 'piscina';
import { type LoaderSettings, runSign, runVerify, type SignTask, type VerifyTask } from './proof-tasks';

/** Entry of a proof worker thread (piscina calls the named exports). Canonicalisation is the expensive part. */
const settings = workerData as LoaderSettings;

export function sign(task: SignTask) {
  return runSign(task, settings);
}

export function verify(task: VerifyTask) {
  return runVerify(task, settings);
}
