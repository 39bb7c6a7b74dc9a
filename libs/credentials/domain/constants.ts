import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../platform/project-root';

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const VC_V1_CONTEXT = 'https://www.w3.org/2018/credentials/v1';
/** The VC 2.0 examples context (a single @vocab), bundled from schemas/contexts/. */
export const EXAMPLES_V2_CONTEXT = 'https://www.w3.org/ns/credentials/examples/v2';
/**
 * The project's own vocabulary. A versioned, bundled context: the loader resolves it offline, and the API
 * also serves it at /contexts/recognition/v1. The .example host marks it as not yet registered publicly.
 */
export const RECOGNITION_CONTEXT_V1 = 'https://recognition-engine.example/contexts/recognition/v1';
export const SCHEMA_BASE = 'https://recognition-engine.example/schemas/';

const files = new Map<string, unknown>();
/** A context bundled under schemas/contexts/ (read once). */
export function bundledContextFile(name: string): unknown {
  if (!files.has(name)) files.set(name, JSON.parse(readFileSync(join(projectRoot(), 'schemas', 'contexts', name), 'utf8')));
  return files.get(name);
}

let cached: unknown;
export function recognitionContextDocument(): unknown {
  cached ??= JSON.parse(readFileSync(join(projectRoot(), 'schemas', 'contexts', 'recognition-v1.jsonld'), 'utf8'));
  return cached;
}

/** Minimum entries per Bitstring Status List (herd privacy). */
export const STATUS_LIST_LENGTH = 131072;
export type StatusPurpose = 'revocation' | 'suspension';
