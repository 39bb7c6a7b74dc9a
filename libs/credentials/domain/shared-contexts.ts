import ContextResolver from 'jsonld/lib/ContextResolver';

/**
 * Processed JSON-LD contexts shared across canonicalisations, through jsonld's `contextResolver` option.
 *
 * jsonld 9 caches a processed context per (context, active context object), but every type-scoped context
 * (VerifiableCredential, DataIntegrityProof, BitstringStatusListEntry …) is applied to a fresh clone of the
 * active context, and leaving its scope clones the previous context again. So the cache never hits for them:
 * each one is processed anew, cloning every term definition several times (jsonld.js issue #414). That was
 * about three quarters of a proof's CPU time.
 *
 * This keeps jsonld's own algorithms and only changes what is cached and what is copied:
 * - cloning an active context copies its map of term definitions, not every definition in it;
 * - a non-propagating clone of an active context is recognised (it was cloned from the very context it names
 *   as its previous context), and its processed result is cached per that previous context;
 * - leaving a type-scoped context returns the previous context itself instead of a copy. Active contexts are
 *   never changed once processed (jsonld already hands the same cached object to every caller), so sharing
 *   it is safe and makes later lookups hit.
 *
 * Written against jsonld 9.0.0 (a pinned dependency); `shared-contexts.spec.ts` compares canonical N-Quads with
 * the library's own path and checks the cache hits, so an upgrade that changes these internals fails there.
 */

/** jsonld's active context, as far as this module touches it. */
interface ActiveContext {
  mappings: Map<string, unknown>;
  protected: Record<string, boolean>;
  inverse: unknown;
  getInverse: unknown;
  previousContext?: ActiveContext;
  clone(this: ActiveContext): ActiveContext;
  revertToPreviousContext(this: ActiveContext): ActiveContext;
  '@base'?: unknown;
  '@language'?: unknown;
  '@vocab'?: unknown;
}

interface ProcessedContext {
  context: ActiveContext;
  events: unknown[];
}

interface ResolvedContext {
  document: unknown;
  getProcessed(activeCtx: ActiveContext): ProcessedContext | undefined;
  setProcessed(activeCtx: ActiveContext, processed: ProcessedContext): void;
}

/** The context each clone was made from, for clones made by contexts this module has adopted. */
const clonedFrom = new WeakMap<ActiveContext, ActiveContext>();

/**
 * jsonld's clone (`_cloneActiveContext`: the same fields), with the term definitions shared instead of
 * deep-copied: jsonld makes a new definition object whenever it defines a term and never changes one afterwards,
 * so copying the map is enough. The deep copy mostly copied the scoped contexts held in definitions. Records
 * what each clone was made from.
 */
function sharingClone(this: ActiveContext): ActiveContext {
  const child: ActiveContext = {
    mappings: new Map(this.mappings),
    clone: this.clone,
    inverse: null,
    getInverse: this.getInverse,
    protected: { ...this.protected },
    revertToPreviousContext: this.revertToPreviousContext,
  };
  if (this.previousContext) child.previousContext = this.previousContext.clone();
  for (const key of ['@base', '@language', '@vocab'] as const) if (key in this) child[key] = this[key];
  clonedFrom.set(child, this);
  return child;
}

/** Leaving a type-scoped context: the previous context itself (jsonld returns a copy of it). */
function sharedRevert(this: ActiveContext): ActiveContext {
  return this.previousContext ?? this;
}

/** A processed context (and every clone of it, which copies these methods) joins the sharing. */
function adopt(ctx: ActiveContext): void {
  ctx.clone = sharingClone;
  ctx.revertToPreviousContext = sharedRevert;
}

function isActiveContext(value: unknown): value is ActiveContext {
  return !!value && typeof value === 'object' && (value as { mappings?: unknown }).mappings instanceof Map && typeof (value as ActiveContext).clone === 'function';
}

/** The context a non-propagating clone stands for: jsonld clones it and names it as the previous context. */
function nonPropagatingBase(activeCtx: ActiveContext): ActiveContext | null {
  const previous = activeCtx.previousContext;
  return previous && clonedFrom.get(activeCtx) === previous ? previous : null;
}

let hits = 0;
let misses = 0;

/** One resolved context (a context document) with its processed forms cached by what they were applied to. */
class SharedResolvedContext implements ResolvedContext {
  private readonly byActiveContext = new WeakMap<ActiveContext, ProcessedContext>();
  private readonly byNonPropagatingBase = new WeakMap<ActiveContext, ProcessedContext>();

  constructor(private readonly resolved: ResolvedContext) {}

  get document(): unknown {
    return this.resolved.document;
  }

  getProcessed(activeCtx: ActiveContext): ProcessedContext | undefined {
    const base = nonPropagatingBase(activeCtx);
    const found = base ? this.byNonPropagatingBase.get(base) : this.byActiveContext.get(activeCtx);
    if (found) hits++;
    else misses++;
    return found;
  }

  setProcessed(activeCtx: ActiveContext, processed: ProcessedContext): void {
    // An @import stores the merged context document here, not a processed active context: nothing to adopt.
    if (isActiveContext(processed?.context)) adopt(processed.context);
    const base = nonPropagatingBase(activeCtx);
    if (base) this.byNonPropagatingBase.set(base, processed);
    else this.byActiveContext.set(activeCtx, processed);
  }
}

const wrappers = new WeakMap<ResolvedContext, SharedResolvedContext>();

function shared(resolved: ResolvedContext): SharedResolvedContext {
  if (resolved instanceof SharedResolvedContext) return resolved;
  let w = wrappers.get(resolved);
  if (!w) {
    w = new SharedResolvedContext(resolved);
    wrappers.set(resolved, w);
  }
  return w;
}

/**
 * Resolved context documents kept across operations, as jsonld's own shared cache does (it keeps only contexts
 * tagged `static`: the bundled ones, and inline context objects). Bounded, because a credential may carry
 * inline contexts of its own.
 */
const MAX_RESOLVED = 1_000;
const resolvedContexts = new Map<string, unknown>();
const sharedCache = {
  get: (key: string) => resolvedContexts.get(key),
  set: (key: string, value: unknown) => {
    if (resolvedContexts.size >= MAX_RESOLVED) resolvedContexts.delete(resolvedContexts.keys().next().value!);
    resolvedContexts.set(key, value);
  },
};

class SharingContextResolver extends ContextResolver {
  override async resolve(args: Record<string, unknown>): Promise<ResolvedContext[]> {
    return ((await super.resolve(args)) as ResolvedContext[]).map(shared);
  }
}

/** A context resolver for one jsonld operation (jsonld's resolvers keep a per-operation cache, so one each). */
function sharedContextResolver(): SharingContextResolver {
  return new SharingContextResolver({ sharedCache });
}

/** Cache lookups since the thread started, for tests. */
export function sharedContextStats(): { hits: number; misses: number } {
  return { hits, misses };
}

type Canonize = (input: unknown, options?: Record<string, unknown>) => Promise<string>;

/** A cryptosuite whose canonicalisation uses the shared contexts; signing and verification stay the suite's. */
export function withSharedContexts<T extends { canonize: Canonize }>(suite: T): T {
  return { ...suite, canonize: (input: unknown, options: Record<string, unknown> = {}) => suite.canonize(input, { ...options, contextResolver: sharedContextResolver() }) };
}
