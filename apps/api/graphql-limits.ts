import type { ApolloServerPlugin } from '@apollo/server';
import depthLimit from 'graphql-depth-limit';
import { ASTVisitor, GraphQLError, ValidationContext } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

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

export function graphqlValidationRules(limits: GraphQLLimits) {
  return [depthLimit(limits.maxDepth), aliasLimit(limits.maxAliases)];
}

/**
 * Complexity needs the operation's variables (list sizes), which validation rules never see,
 * so it runs once the operation is resolved.
 */
export function complexityPlugin(maxComplexity: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const complexity = getComplexity({
            schema,
            query: document,
            operationName: request.operationName ?? undefined,
            variables: request.variables ?? {},
            // Fields declare their own cost (lists multiply by their size); everything else costs 1.
            estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
          });
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
