import type { ApolloServerPlugin } from '@apollo/server';
import depthLimit from 'graphql-depth-limit';
import { ASTNode, ASTVisitor, DocumentNode, GraphQLError, Kind, ValidationContext, visit } from 'graphql';
import { type ComplexityEstimator, fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { stringProblem } from '../../libs/platform/http/json-guard';

export interface GraphQLLimits {
  maxDepth: number;
  maxComplexity: number;
  maxAliases: number;
}

/** Refuses operations with too many aliases (a cheap way to multiply expensive fields). */
function aliasLimit(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    let count = 0;
    return {
      Field(node) {
        if (node.alias && ++count === max + 1) {
          context.reportError(new GraphQLError(`operation uses more than ${max} aliases`, { nodes: [node], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
        }
      },
    };
  };
}

/**
 * True when fragment spreads form a cycle or name a fragment that is not defined. graphql-js's own rules
 * (NoFragmentCycles, KnownFragmentNames) report those cleanly, but all rules run in one pass and
 * graphql-depth-limit would recurse into the cycle (or an undefined fragment) and crash first.
 */
export function hasBrokenFragments(document: DocumentNode): boolean {
  const spreads = new Map<string, string[]>();
  for (const def of document.definitions) {
    if (def.kind !== Kind.FRAGMENT_DEFINITION) continue;
    const names: string[] = [];
    visit(def.selectionSet, { FragmentSpread: (n) => void names.push(n.name.value) });
    spreads.set(def.name.value, names);
  }
  let broken = false;
  visit(document, { OperationDefinition: () => undefined, FragmentSpread: (n) => void (spreads.has(n.name.value) || (broken = true)) });
  if (broken) return true;
  const state = new Map<string, 'visiting' | 'done'>();
  const cyclic = (name: string): boolean => {
    if (state.get(name) === 'done') return false;
    if (state.get(name) === 'visiting') return true;
    state.set(name, 'visiting');
    const found = (spreads.get(name) ?? []).some(cyclic);
    state.set(name, 'done');
    return found;
  };
  return [...spreads.keys()].some(cyclic);
}

/** graphql-depth-limit, skipped for documents whose fragments the standard rules already refuse. */
function safeDepthLimit(max: number) {
  const rule = depthLimit(max);
  return (context: ValidationContext): ASTVisitor => (hasBrokenFragments(context.getDocument()) ? {} : rule(context));
}

export function graphqlValidationRules(limits: GraphQLLimits) {
  return [safeDepthLimit(limits.maxDepth), aliasLimit(limits.maxAliases), wellFormedStringLiterals];
}

/** Refuses string literals PostgreSQL and JSON consumers cannot store: NUL characters and lone surrogates. */
function wellFormedStringLiterals(context: ValidationContext): ASTVisitor {
  return {
    StringValue(node) {
      const problem = stringProblem(node.value);
      if (problem) context.reportError(new GraphQLError(`string literal ${problem}`, { nodes: [node], extensions: { code: 'BAD_USER_INPUT' } }));
    },
  };
}

function hasVariable(node: ASTNode): boolean {
  let found = false;
  visit(node, { Variable: () => void (found = true) });
  return found;
}

/** True when a directive (@skip, @include) takes a variable: which fields count then depends on the request. */
function variableDirectives(document: DocumentNode): boolean {
  let found = false;
  visit(document, { Directive: (d) => void (found ||= hasVariable(d)) });
  return found;
}

/**
 * Complexity needs the operation's variables (list sizes), which validation rules never see,
 * so it runs once the operation is resolved. An operation whose cost reads no variable (no field that computes
 * its cost from arguments given as variables, no @skip/@include on a variable) costs the same every time: its
 * cost is kept per parsed document (Apollo keeps one per query text), which saves coercing every request's
 * variables twice. Variables are coerced and checked by execution either way.
 */
export function complexityPlugin(maxComplexity: number): ApolloServerPlugin {
  const known = new WeakMap<DocumentNode, Map<string, number>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const operation = request.operationName ?? '';
          let complexity = known.get(document)?.get(operation);
          if (complexity === undefined) {
            let readsVariables = variableDirectives(document);
            const watch: ComplexityEstimator = ({ field, node }) => {
              if (typeof field.extensions?.complexity === 'function' && node.arguments?.some(hasVariable)) readsVariables = true;
            };
            try {
              complexity = getComplexity({
                schema,
                query: document,
                operationName: request.operationName ?? undefined,
                variables: request.variables ?? {},
                // Fields declare their own cost (lists multiply by their size); everything else costs 1.
                estimators: [watch, fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
              });
            } catch (e) {
              // Variables that do not coerce (null for a non-null, "abc" for an Int, an unknown enum value)
              // are the client's mistake: answer as graphql-js would, naming the variable, with a 400.
              throw new GraphQLError((e as Error).message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
            }
            if (!readsVariables) {
              const costs = known.get(document) ?? new Map<string, number>();
              costs.set(operation, complexity);
              known.set(document, costs);
            }
          }
          if (complexity > maxComplexity) {
            throw new GraphQLError(`operation complexity ${complexity} exceeds the limit of ${maxComplexity}`, {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
