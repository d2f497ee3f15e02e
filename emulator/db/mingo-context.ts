import { Aggregator } from 'mingo/aggregator';
import { Context } from 'mingo/core';
import * as accumulator from 'mingo/operators/accumulator';
import * as expression from 'mingo/operators/expression';
import * as pipeline from 'mingo/operators/pipeline';
import * as projection from 'mingo/operators/projection';
import * as query from 'mingo/operators/query';
import * as windowOps from 'mingo/operators/window';
import { Query as BaseQuery } from 'mingo/query';
import { expressionOperators } from './expr-ops';
import { geoQueryOperators } from './geo';
import { compileJsonSchema } from './json-schema';

/**
 * mingo with CloudBase's (MongoDB's) semantics where mingo 7 has none or differs: the geo query
 * operators, `$jsonSchema`'s dialect, and a few expression operators (see expr-ops.ts). mingo's
 * top-level helpers always put their own operators first, so the engine uses the base classes
 * with one context in which these take precedence.
 */
const context = Context.from(
  Context.init({ query: geoQueryOperators as any, expression: expressionOperators as any }),
  Context.init({ accumulator, expression, pipeline, projection, query, window: windowOps } as any),
);

export const mingoOptions = { idKey: '_id', jsonSchemaValidator: compileJsonSchema, context } as any;

export class Query extends BaseQuery {
  constructor(criteria: Record<string, any>, options: Record<string, any> = mingoOptions) {
    super(criteria, { ...mingoOptions, ...options });
  }
}

export function find(docs: unknown[], criteria: Record<string, any>, proj?: Record<string, any>) {
  return new Query(criteria).find(docs as any[], proj as any);
}

export function aggregate(docs: unknown[], stages: Record<string, any>[], options: Record<string, any> = {}) {
  return new Aggregator(stages as any, { ...mingoOptions, ...options }).run(docs as any[]);
}
