// Latchkey's /openapi.json, checked by an OpenAPI 3.1 schema validator that shares no code with it.
import assert from 'node:assert/strict';
import { Validator } from '@seriousme/openapi-schema-validator';

const [base] = process.argv.slice(2);
const document = await (await fetch(`${base}/openapi.json`)).json();
const validator = new Validator();
const result = await validator.validate(document);
assert.ok(result.valid, `not a valid OpenAPI document: ${JSON.stringify(result.errors, null, 2)}`);
assert.equal(validator.version, '3.1');
const operations = Object.values(document.paths).reduce((n, methods) => n + Object.keys(methods).length, 0);
console.log(`openapi: /openapi.json is valid OpenAPI ${validator.version} (${operations} operations)`);
