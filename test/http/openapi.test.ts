import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Router } from 'express';
import { createApiRouter, type AppDependencies } from '../../server/src/http/app';
import {
  appendRecordsSchema,
  previewRequestSchema,
  pushRequestSchema,
  retryRequestSchema,
  saveMappingSchema,
} from '../../server/src/http/schemas';
import { authorizeRequestSchema, jwtConnectRequestSchema } from '../../server/src/http/routes/salesforce';
import { orgRegistrationSchema } from '../../server/src/orgs/registry';

interface OpenApiSchema {
  type?: string | string[];
  required?: string[];
  properties?: Record<string, unknown>;
  enum?: string[];
}
interface OpenApi {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, OpenApiSchema> };
}

const spec = parse(readFileSync(path.resolve(__dirname, '../../docs/openapi.yaml'), 'utf8')) as OpenApi;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** Every route of the /v1 router as "METHOD /v1/path/{param}". */
function routesOf(router: Router): string[] {
  const routes: string[] = [];
  const walk = (stack: unknown[]) => {
    for (const layer of stack as Array<{ route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: unknown[] } }>) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) {
          routes.push(`${method.toUpperCase()} /v1${layer.route.path.replace(/:(\w+)/g, '{$1}')}`);
        }
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack);
      }
    }
  };
  walk((router as unknown as { stack: unknown[] }).stack);
  return routes.sort();
}

function documentedRoutes(): string[] {
  return Object.entries(spec.paths)
    .flatMap(([route, item]) => Object.keys(item).filter((key) => METHODS.includes(key)).map((method) => `${method.toUpperCase()} ${route}`))
    .sort();
}

describe('the OpenAPI file', () => {
  it('is OpenAPI 3.1', () => {
    expect((spec as unknown as { openapi: string }).openapi).toBe('3.1.0');
  });

  it('documents exactly the routes the service serves', () => {
    // The router is only walked, never called: its dependencies are not needed.
    const router = createApiRouter({} as AppDependencies);
    expect(documentedRoutes()).toEqual(routesOf(router));
  });

  it.each([
    ['PushRequest', pushRequestSchema],
    ['AppendRecordsRequest', appendRecordsSchema],
    ['RetryRequest', retryRequestSchema],
    ['PreviewRequest', previewRequestSchema],
    ['SaveMappingRequest', saveMappingSchema],
    ['OrgRegistration', orgRegistrationSchema],
    ['AuthorizeRequest', authorizeRequestSchema],
    ['JwtConnectRequest', jwtConnectRequestSchema],
  ] as const)('describes the %s body with the same properties and required ones as the zod schema', (name, schema) => {
    const documented = spec.components.schemas[name];
    const actual = z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }) as OpenApiSchema;
    expect(Object.keys(documented?.properties ?? {}).sort()).toEqual(Object.keys(actual.properties ?? {}).sort());
    expect([...(documented?.required ?? [])].sort()).toEqual([...(actual.required ?? [])].sort());
  });

  it('lists the same record statuses and object types as the service', () => {
    expect(spec.components.schemas.ObjectType?.enum).toEqual(['Account', 'Contact']);
    expect(spec.components.schemas.RecordStatus?.enum).toEqual(['pending', 'created', 'updated', 'unchanged', 'failed']);
  });
});
