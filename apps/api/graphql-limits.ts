import depthLimit from 'graphql-depth-limit';
import { ASTVisitor, GraphQLError, ValidationContext } from 'graphql';
import { createComplexityRule, simpleEstimator } from 'graphql-query-complexity';

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
  return [
    depthLimit(limits.maxDepth),
    aliasLimit(limits.maxAliases),
    createComplexityRule({
      maximumComplexity: limits.maxComplexity,
      estimators: [simpleEstimator({ defaultComplexity: 1 })],
      createError: (max, actual) =>
        new GraphQLError(`operation complexity ${actual} exceeds the limit of ${max}`, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
    }),
  ];
}

